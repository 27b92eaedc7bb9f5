package dev.shoecatalog.query;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/** Requests to the management interface (health, metrics), which tests reach on its own test port. */
public final class Management {

    private Management() {
    }

    public static RequestSpecification given() {
        int port = ConfigProvider.getConfig().getOptionalValue("quarkus.management.test-port", Integer.class).orElse(9001);
        return RestAssured.given().port(port);
    }
}
