package dev.shoecatalog.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Product identity for exports without an {@code id} column: a hash of normalized brand and name,
 * the same on every run. Never {@code ean}/{@code upc}: exports round them to floats shared by
 * hundreds of different products.
 */
public final class ProductIds {

    private ProductIds() {
    }

    /** 32 hex characters of SHA-256 over the normalized brand and name. */
    public static String of(String brand, String name) {
        String identity = Keys.normalize(brand) + '\n' + Keys.normalize(name);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
