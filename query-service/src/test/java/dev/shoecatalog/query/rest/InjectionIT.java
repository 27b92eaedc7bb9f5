package dev.shoecatalog.query.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class InjectionIT extends InjectionTest {
}
