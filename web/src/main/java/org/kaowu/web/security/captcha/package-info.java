/**
 * 图片验证码 — the image CAPTCHA of the public forms (register, login, forgot password, score and certificate
 * queries): {@link org.kaowu.web.security.captcha.CaptchaStore} keeps one single-use challenge per form in the
 * session, {@link org.kaowu.web.security.captcha.CaptchaServlet} draws it at {@code /captcha}, and the
 * composite {@code <kw:captcha>} ({@code resources/kw/captcha.xhtml}) puts image, input and 换一张 on a page.
 * How a page uses it is described on {@link org.kaowu.web.security.captcha.CaptchaInput}.
 */
package org.kaowu.web.security.captcha;
