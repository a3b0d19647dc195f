package org.kaowu.web.view.open;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kaowu.exception.BusinessException;
import org.kaowu.service.CertificateQueryService;
import org.kaowu.web.security.captcha.CaptchaInput;
import org.kaowu.web.view.Requests;
import org.omnifaces.util.Messages;

import java.io.Serializable;
import java.util.List;

/**
 * {@code /query/certificate} — 证书查询 (public): 姓名 + 身份证号 + CAPTCHA, or a verification code (typed, or
 * {@code ?code=…} from the certificate's QR code). Shows the certificate's facts with the ID number masked. The
 * service limits both forms per client address and refuses a malformed code without looking it up.
 */
@Named
@ViewScoped
public class CertificateQueryBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String CAPTCHA_FORM = "certificate";

    @EJB
    private CertificateQueryService queries;
    @Inject
    private CaptchaInput captchaInput;

    private String name;
    private String idNumber;
    private String code;
    private List<CertificateQueryService.View> results;

    /** f:viewAction: a code in the URL (the QR code) is checked at once. */
    public void load() {
        if (code != null && !code.isBlank() && results == null) {
            byCode();
        }
    }

    /** 按姓名和身份证号查询 */
    public void query() {
        results = null;
        if (!captchaInput.passed(CAPTCHA_FORM)) {
            return;
        }
        try {
            results = queries.query(name, idNumber, Requests.clientAddress());
        } catch (BusinessException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
    }

    /** 按验证码查验 */
    public void byCode() {
        results = null;
        try {
            results = queries.byCode(code, Requests.clientAddress()).map(List::of).orElse(List.of());
        } catch (BusinessException e) {
            Messages.addGlobalError(e.getMessageKey(), e.getArguments());
        }
    }

    public boolean isAsked() {
        return results != null;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getIdNumber() { return idNumber; }
    public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public List<CertificateQueryService.View> getResults() { return results; }
}
