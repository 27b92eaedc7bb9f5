package dev.shoecatalog.query.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.shoecatalog.query.service.BadParameterException;
import dev.shoecatalog.query.store.CursorExpiredException;
import dev.shoecatalog.query.store.InvalidCursorException;
import dev.shoecatalog.query.store.SearchUnsupportedException;
import dev.shoecatalog.query.store.StoreRefusedException;
import dev.shoecatalog.query.store.StoreUnavailableException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where failures become {@code application/problem+json} answers. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response badParameter(BadParameterException e) {
        return problem(400, e.getMessage(), e.parameter(), null);
    }

    @ServerExceptionMapper
    public Response invalidCursor(InvalidCursorException e) {
        return problem(400, "invalid cursor: " + e.getMessage(), "cursor", null);
    }

    @ServerExceptionMapper
    public Response cursorExpired(CursorExpiredException e) {
        return problem(410, e.getMessage(), "cursor", null);
    }

    @ServerExceptionMapper
    public Response unavailable(StoreUnavailableException e) {
        LOG.warnf("%s unavailable: %s", e.store().path(), e.getMessage());
        Response answer = problem(503, e.getMessage(), null, e.store().path());
        return e.retryAfterSeconds() > 0 ? Response.fromResponse(answer).header("Retry-After", e.retryAfterSeconds()).build() : answer;
    }

    @ServerExceptionMapper
    public Response refused(StoreRefusedException e) {
        LOG.errorf(e, "%s refused a request of this service: %s", e.store().path(), e.getMessage());
        return problem(502, e.store().path() + " refused the request; this is a fault of the service, see its log", null, e.store().path());
    }

    @ServerExceptionMapper
    public Response searchUnsupported(SearchUnsupportedException e) {
        return problem(501, e.getMessage(), null, "redis");
    }

    /** Framework answers (404, 405, 415, unreadable bodies) keep their status, with a problem body. */
    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String detail = status == 400 ? "the request body or a parameter could not be read: " + e.getMessage() : e.getMessage();
        return problem(status, detail, null, null);
    }

    /** A body that is not JSON, too deeply nested, or of the wrong shape (a list where an object belongs, 5.5 for n). */
    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException e) {
        return problem(400, "the request body could not be read: " + shortened(e.getOriginalMessage()), "body", null);
    }

    /** Declared for its own type, or Quarkus's built-in mapper would answer 400 without a body. */
    @ServerExceptionMapper
    public Response mismatchedBody(MismatchedInputException e) {
        return unreadableBody(e);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected failure", e);
        return problem(500, "unexpected failure; see the service log", null, null);
    }

    private static String shortened(String message) {
        String text = message == null ? "" : message;
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    static Response problem(int status, String detail, String parameter, String store) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, parameter, store)).build();
    }
}
