package dev.shoecatalog.query.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same checks against the packaged application (the jar here, the native binary where it is built). */
@QuarkusIntegrationTest
class LatestEndpointsIT extends LatestEndpointsTest {
}
