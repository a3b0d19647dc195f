package org.kaowu.web.view.candidate;

import jakarta.ejb.EJBException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kaowu.exception.BusinessException;
import org.kaowu.exception.NotFoundException;

import java.io.IOException;

/**
 * One of the caller's own documents as a PDF ({@code ?id=N}, behind the /candidate/* constraint): the service
 * looks it up through the caller's principal, so another candidate's, an unknown or a malformed id is a plain
 * 404; a rendering failure (e.g. the CJK font missing on this server) is the friendly 503 page, never a 500
 * with a trace. Never cached.
 */
abstract class OwnPdfServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The PDF; throws the service's BusinessException when the caller may not have it (now). */
    protected abstract byte[] pdf(HttpServletRequest request, String caller, Long id);

    /** e.g. {@code "inline; filename=\"registration-7.pdf\""}. */
    protected abstract String disposition(Long id);

    /** A refusal other than "not found" (e.g. outside a print window); a 404 unless a page explains it better. */
    protected void refused(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Long id;
        try {
            id = Long.valueOf(request.getParameter("id"));
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] pdf;
        try {
            pdf = pdf(request, request.getUserPrincipal().getName(), id);
        } catch (NotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        } catch (BusinessException e) {
            refused(request, response);
            return;
        } catch (EJBException e) {
            getServletContext().log(getClass().getSimpleName() + ": " + id + " could not be rendered", e);
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", disposition(id));
        response.setHeader("Cache-Control", "private, no-store");
        response.setContentLength(pdf.length);
        response.getOutputStream().write(pdf);
    }
}
