package dev.shoecatalog.query.rest;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every query parameter of the API takes one value: {@code ?n=5&n=7} is refused rather than
 * answered with whichever value the framework happens to pick.
 */
public class SingleValuedParameters {

    @ServerRequestFilter
    public Response refuseRepeated(UriInfo uri) {
        for (Map.Entry<String, List<String>> parameter : uri.getQueryParameters().entrySet()) {
            int times = parameter.getValue().size();
            if (times > 1) {
                return ProblemMapper.problem(400, parameter.getKey() + " is given " + times + " times; give it once",
                        parameter.getKey(), null);
            }
        }
        return null;
    }
}
