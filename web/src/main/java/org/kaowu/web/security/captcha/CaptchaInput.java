package org.kaowu.web.security.captcha;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.component.UIInput;
import jakarta.faces.event.ComponentSystemEvent;
import jakarta.inject.Named;

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
 * @Inject private CaptchaStore captchas;
 * @Inject private CaptchaInput captchaInput;
 *
 * public void register() {
 *     if (!captchas.verify("register", captchaInput.getValue())) {
 *         Messages.addGlobalError("captcha.wrong");
 *         return;
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

    private String value;

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
