package org.kaowu.web.security.captcha;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.component.UIInput;
import jakarta.faces.event.ComponentSystemEvent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.util.Messages;

/**
 * The code the visitor typed into {@code <kw:captcha>} in this request.
 * <p>
 * A page puts the component into its form, with a form key that matches its backing bean:
 * <pre>{@code
 * xmlns:kw="jakarta.faces.composite/kw"
 * <kw:captcha form="register" id="captcha"/>     <!-- input id: registerForm:captcha:captchaInput -->
 * }</pre>
 * and the action checks it before doing anything else:
 * <pre>{@code
 * @Inject private CaptchaInput captchaInput;
 *
 * public void register() {
 *     if (!captchaInput.passed("register")) {
 *         return; // the page already says captcha.wrong
 *     }
 *     ...
 * }
 * }</pre>
 * {@link CaptchaStore#verify} is single use, so the re-rendered page must show a new image: submit with
 * {@code ajax="false"}, or let the ajax update include the captcha (e.g. {@code update="@form"}). An empty
 * input is refused by Faces already ({@code captcha.required}); turn that off with {@code required="false"}.
 */
@Named
@RequestScoped
public class CaptchaInput {

    @Inject
    private CaptchaStore store;

    private String value;

    /**
     * Checks the typed code against the form's challenge (single use); when it is wrong or expired, adds the
     * page message {@code captcha.wrong} and returns false.
     */
    public boolean passed(String form) {
        if (store.verify(form, value)) {
            return true;
        }
        Messages.addGlobalError("captcha.wrong");
        return false;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    /** Cache buster for the image URL, so every rendering loads (and starts) a fresh challenge. */
    public long getImageStamp() {
        return System.currentTimeMillis();
    }

    /**
     * Empties the input before it is rendered: a re-rendered page always shows a new image, so the code typed
     * for the old one is useless. The valid flag survives, so an error still marks the field.
     */
    public void clearForRender(ComponentSystemEvent event) {
        value = null;
        UIInput input = (UIInput) event.getComponent();
        boolean valid = input.isValid();
        input.resetValue();
        input.setValid(valid);
    }
}
