package se.digikomp.lms.org;

import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The start page: which organisations this installation serves, and where to look next. Swedish first. */
@Path("")
@RequestScoped
public class HomePageResource {

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    @Operation(summary = "Start page (HTML)")
    public String home() {
        List<String> names = em.createQuery("select o.name from Organisation o order by o.name", String.class)
                .getResultList();
        String items = names.isEmpty()
                ? "<li>Inga organisationer ännu / No organisations yet</li>"
                : names.stream().map(n -> "<li>" + escape(n) + "</li>").collect(Collectors.joining());
        return """
                <!DOCTYPE html>
                <html lang="sv">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Digikomp</title>
                <style>
                body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.5;\
                color:#1b1b1b;background:#fff}a{color:#0b4f9c}a:focus{outline:3px solid #f5a623;outline-offset:2px}
                </style>
                </head>
                <body>
                <header><h1>Digikomp</h1></header>
                <main>
                <p>Digital kompetens för offentlig sektor: kurser, kompetensprofiler och uppföljning.</p>
                <h2 id="orgs">Organisationer</h2>
                <ul aria-labelledby="orgs">%s</ul>
                <h2>För utvecklare och drift</h2>
                <ul>
                <li><a href="/health/ready">Driftstatus (readiness)</a></li>
                <li><a href="/openapi">API-beskrivning (OpenAPI)</a></li>
                </ul>
                <section lang="en" aria-labelledby="en">
                <h2 id="en">In English</h2>
                <p>Digital competence for the public sector: courses, competence profiles and follow-up.
                The organisations on this installation are listed above. See the
                <a href="/health/ready">readiness status</a> and the <a href="/openapi">API description</a>.</p>
                </section>
                </main>
                </body>
                </html>
                """.formatted(items);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
