package org.kaowu.web.view.admin.positions;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.kaowu.domain.exam.Position;
import org.kaowu.service.ExamService;
import org.kaowu.web.view.admin.EditableList;

import java.util.List;

/** {@code /admin/positions} — 岗位管理: the positions (fee, pass line), with 新建 and 编辑 in a dialog. */
@Named
@ViewScoped
public class PositionsBacking extends EditableList<Position> {

    private static final long serialVersionUID = 1L;

    @EJB
    private ExamService exams;

    @Override
    protected List<Position> loadAll(String caller) {
        return exams.allPositions(caller);
    }

    @Override
    protected void save(String caller, Position form) {
        exams.savePosition(caller, form);
    }

    @Override
    protected Position newForm() {
        return new Position(null, null, null, null);
    }

    @Override
    protected Long idOf(Position position) {
        return position.getId();
    }

    @Override
    protected boolean matches(Position p, String needle) {
        return contains(p.getCode(), needle) || contains(p.getName(), needle);
    }

    @Override
    protected String table() {
        return "positionsForm:positionTable";
    }
}
