package org.kaowu.web.view.open;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.kaowu.exception.BusinessException;
import org.kaowu.service.ScoreQueryService;
import org.kaowu.service.ScoreResultCache;
import org.kaowu.web.BundleMessageResolver;
import org.kaowu.web.security.captcha.CaptchaImage;
import org.kaowu.web.security.captcha.CaptchaStore;
import org.kaowu.web.view.LocaleBacking;
import org.kaowu.web.view.Requests;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /query/score-answer} — the lean half of 成绩查询 ({@code /query/score}): form fields {@code name},
 * {@code idNumber}, {@code captcha}; answers JSON, which the page's script shows. No Faces view is built or restored
 * per query, so the score-day spike costs a CAPTCHA check, a throttle check and a cache lookup.
 * <p>
 * The CAPTCHA (form key {@value #CAPTCHA_FORM}) is checked first and is single use; then {@link ScoreQueryService}
 * validates, limits queries per client address and answers from its cache. Answers:
 * <ul>
 *   <li>200 {@code {"results":[{batch, name, maskedId, ticketNo, examDate, lines:[{subject, score, status,
 *       verdict, pass}]}]}} — an empty list when nothing published matches;</li>
 *   <li>400 / 429 / 503 {@code {"error": key, "field": name|idNumber|captcha|null, "message": text}} for bad
 *       input or a wrong CAPTCHA, too many queries, and an unexpected failure;</li>
 *   <li>either one with {@code "captcha": "data:image/png;base64,…"} when {@code nextCaptcha=1} was sent.</li>
 * </ul>
 * Texts (status, verdict, messages) are in the visitor's language; the page holds its own labels.
 */
@WebServlet("/query/score-answer")
public class ScoreQueryServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ScoreQueryServlet.class.getName());
    static final String CAPTCHA_FORM = "score";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    /** Longer inputs are refused before any work (the page's own limits are 50 and 18). */
    private static final int MAX_FIELD = 64;
    private static final byte[] NEXT_CAPTCHA = ",\"captcha\":\"data:image/png;base64,".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END_OF_STRING_AND_OBJECT = {'"', '}'};
    /**
     * Made once: every {@code Json.createObjectBuilder()} looks the provider up again through the ServiceLoader,
     * which scans the application's jars — milliseconds per call, more than the whole query.
     */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    @EJB
    private transient ScoreQueryService queries;
    @Inject
    private transient CaptchaStore captcha;
    @Inject
    private transient CaptchaImage captchaImage;
    @Inject
    private transient LocaleBacking userLocale;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType("application/json;charset=UTF-8");
        // A person's scores: no browser or proxy may keep them.
        response.setHeader("Cache-Control", "no-store");
        ResourceBundle bundle = bundle();
        String name = request.getParameter("name");
        String idNumber = request.getParameter("idNumber");
        String typed = request.getParameter("captcha");
        JsonObjectBuilder body;
        try {
            if (isBlank(typed)) {
                body = error(response, 400, bundle, "captcha.required", "captcha");
            } else if (!captcha.verify(CAPTCHA_FORM, typed)) {
                body = error(response, 400, bundle, "captcha.wrong", "captcha");
            } else if (tooLong(name)) {
                body = error(response, 400, bundle, "query.score.nameInvalid", "name");
            } else if (tooLong(idNumber)) {
                body = error(response, 400, bundle, "query.score.idInvalid", "idNumber");
            } else {
                body = results(queries.query(name, idNumber, Requests.clientAddress(request)), bundle);
            }
        } catch (BusinessException e) {
            String key = e.getMessageKey();
            int status = "query.score.tooMany".equals(key) ? 429 : 400;
            String field = key.startsWith("query.score.name") ? "name" : key.startsWith("query.score.id") ? "idNumber" : null;
            body = error(response, status, bundle, key, field, e.getArguments());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "score query failed", e);
            body = error(response, 503, bundle, "query.score.unavailable", null);
        }
        byte[] json = body.build().toString().getBytes(StandardCharsets.UTF_8);
        if (!"1".equals(request.getParameter("nextCaptcha"))) {
            response.setContentLength(json.length);
            response.getOutputStream().write(json);
            return;
        }
        // {..., "captcha": "data:image/png;base64,…"}: the image's Base64 bytes are written as they are (nothing in
        // them needs escaping), not passed through the JSON generator, which would look at each of its ~5,000 characters
        byte[] image = Base64.getEncoder().encode(captchaImage.newChallenge(captcha, CAPTCHA_FORM));
        response.setContentLength(json.length - 1 + NEXT_CAPTCHA.length + image.length + 2);
        OutputStream out = response.getOutputStream();
        out.write(json, 0, json.length - 1); // without the closing brace
        out.write(NEXT_CAPTCHA);
        out.write(image);
        out.write(END_OF_STRING_AND_OBJECT);
    }

    private ResourceBundle bundle() {
        Locale locale;
        try {
            locale = userLocale.getLocale();
        } catch (RuntimeException noSessionContext) {
            locale = LocaleBacking.CHINESE;
        }
        return ResourceBundle.getBundle(BundleMessageResolver.BUNDLE, locale);
    }

    private static JsonObjectBuilder results(List<ScoreQueryService.Result> results, ResourceBundle bundle) {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        for (ScoreQueryService.Result r : results) {
            JsonArrayBuilder lines = JSON.createArrayBuilder();
            for (ScoreResultCache.Line l : r.lines()) {
                JsonObjectBuilder line = JSON.createObjectBuilder()
                        .add("subject", l.positionCode() + " " + l.positionName())
                        .add("status", text(bundle, "score.status." + l.status().name()))
                        .add("verdict", text(bundle, "score.verdict." + l.verdict().name()))
                        .add("pass", "PASS".equals(l.verdict().name()));
                if (l.score() == null) {
                    line.addNull("score");
                } else {
                    line.add("score", l.score().toPlainString());
                }
                lines.add(line);
            }
            JsonObjectBuilder result = JSON.createObjectBuilder()
                    .add("batch", r.batchName())
                    .add("name", r.name())
                    .add("maskedId", r.maskedId())
                    .add("ticketNo", r.ticketNo() == null ? "" : r.ticketNo())
                    .add("examDate", r.examStart() == null ? "" : DATE.format(r.examStart()))
                    .add("lines", lines);
            list.add(result);
        }
        return JSON.createObjectBuilder().add("results", list);
    }

    private static JsonObjectBuilder error(HttpServletResponse response, int status, ResourceBundle bundle, String key,
                                String field, Object... arguments) {
        response.setStatus(status);
        String message = text(bundle, key);
        if (arguments != null && arguments.length > 0) {
            message = new MessageFormat(message, bundle.getLocale()).format(arguments);
        }
        JsonObjectBuilder json = JSON.createObjectBuilder().add("error", key).add("message", message);
        if (field == null) {
            json.addNull("field");
        } else {
            json.add("field", field);
        }
        return json;
    }

    private static String text(ResourceBundle bundle, String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean tooLong(String value) {
        return value != null && value.length() > MAX_FIELD;
    }
}
