package dev.shoecatalog.query.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Swagger UI and metrics in the prod profile of the packaged application. */
@QuarkusIntegrationTest
class DocsAndMetricsIT extends DocsAndMetricsTest {
}
