package org.kaowu.it.bench;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Test-only (added to {@link LoginBenchmark}'s deployment, never to the application): the raw PBKDF2 rate inside
 * the server JVM. {@code GET /bench/hash?threads=N&seconds=S} runs {@link RawPbkdf2#run} and answers "hashes/s
 * CPU-ms-per-hash". The server's JIT sees every digest Payara uses (SHA-1, SHA-256, MD5, …), so its PBKDF2 may be
 * compiled differently from a JVM that only ever hashes with SHA-256: this is the baseline that differs from a login
 * only by the login's own work.
 */
@WebServlet("/bench/hash")
public class HashBenchServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        RawPbkdf2.Figures figures;
        try {
            figures = RawPbkdf2.run(Integer.parseInt(request.getParameter("threads")),
                    Integer.parseInt(request.getParameter("seconds")));
        } catch (Exception e) {
            throw new IOException(e);
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().printf("%.4f %.2f%n", figures.hashesPerSecond(), figures.cpuMsPerHash());
    }
}
