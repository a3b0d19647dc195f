package org.kaowu.web.view.open;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kaowu.exception.BusinessException;
import org.kaowu.service.ScoreQueryService;
import org.kaowu.web.security.captcha.CaptchaInput;
import org.kaowu.web.view.Requests;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Messages;

import java.io.Serializable;
import java.util.List;

/**
 * {@code /query/score} — 成绩查询 (public): 姓名 + 身份证号 + CAPTCHA. Shows the published results with the ID
 * number masked; anything else — no scores, unpublished scores, a name that does not match — is the same
 * "no published scores". Queries are limited per client address by the service.
 */
@Named
@ViewScoped
public class ScoreQueryBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String CAPTCHA_FORM = "score";

    @EJB
    private ScoreQueryService queries;
    @Inject
    private CaptchaInput captchaInput;

    private String name;
    private String idNumber;
    private List<ScoreQueryService.Result> results;

    /** 查询 */
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

    public boolean isAsked() {
        return results != null;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getIdNumber() { return idNumber; }
    public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
    public List<ScoreQueryService.Result> getResults() { return results; }
}
