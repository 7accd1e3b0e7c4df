package se.digikomp.lms.web.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /} shows the start page ({@code index.xhtml}, served by Faces at {@code /index}). JAX-RS is mapped to
 * {@code /*}, which the servlet container prefers to a welcome file, so the root is forwarded here.
 */
@WebFilter(filterName = "StartPage", urlPatterns = "/*")
public class StartPageFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/") || path.isEmpty()) {
            request.getRequestDispatcher("/index").forward(request, response);
            return;
        }
        chain.doFilter(request, response);
    }
}
