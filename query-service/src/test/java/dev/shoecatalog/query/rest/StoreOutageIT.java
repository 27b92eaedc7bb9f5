package dev.shoecatalog.query.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Readiness and outages through the packaged application, as a Kubernetes probe sees it. */
@QuarkusIntegrationTest
class StoreOutageIT extends StoreOutageTest {
}
