package org.kaowu.web.security.captcha;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import java.util.logging.Logger;

/**
 * Says loudly, once at deployment, when the CAPTCHA test hook ({@value CaptchaStore#FIXED_ANSWER_PROPERTY})
 * is on: with it every CAPTCHA has a known answer, which is only acceptable on the test domain.
 */
@ApplicationScoped
public class CaptchaTestHookWarning {

    private static final Logger LOG = Logger.getLogger(CaptchaTestHookWarning.class.getName());

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (CaptchaStore.fixedAnswer().isPresent()) {
            LOG.warning("System property " + CaptchaStore.FIXED_ANSWER_PROPERTY + " is set: every CAPTCHA has the"
                    + " same fixed answer. This is a test hook and must never be set in production.");
        }
    }
}
