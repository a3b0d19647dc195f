package org.kaowu.web.view.candidate;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.kaowu.service.ScoreQueryService;

import java.util.List;

/** {@code /candidate/scores} — 个人中心 → 成绩查询: the caller's own published scores. */
@Named("candidateScoresBacking")
@RequestScoped
public class ScoresBacking {

    @EJB
    private ScoreQueryService queries;
    @Inject
    private SecurityContext security;

    private List<ScoreQueryService.Result> mine;

    public List<ScoreQueryService.Result> getMine() {
        if (mine == null) {
            mine = queries.mine(security.getCallerPrincipal().getName());
        }
        return mine;
    }
}
