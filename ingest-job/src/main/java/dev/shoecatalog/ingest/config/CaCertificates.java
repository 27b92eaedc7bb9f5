package dev.shoecatalog.ingest.config;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.net.ssl.SSLContext;

import co.elastic.clients.transport.TransportUtils;

/** TLS trust for both stores: the certificates of a PEM file (e.g. a mounted Secret). */
final class CaCertificates {

    private CaCertificates() {
    }

    static SSLContext trusting(String pemPath) {
        try {
            return TransportUtils.sslContextFromHttpCaCrt(new File(pemPath));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CA certificate " + pemPath, e);
        }
    }
}
