package org.kaowu.domain.score;

import java.util.List;

/**
 * 成绩文件列 — the columns a score file must have, matched by header name. The first name is the one the
 * template uses; the others are accepted because exam offices name the subject column after the position.
 */
public enum ScoreColumn {
    TICKET_NO("准考证号"),
    ID_NUMBER("身份证号"),
    NAME("姓名"),
    SUBJECT("科目", "岗位", "岗位代码"),
    SCORE("成绩"),
    STATUS("状态");

    private final List<String> names;

    ScoreColumn(String... names) {
        this.names = List.of(names);
    }

    /** The name written in the template and shown in error messages. */
    public String label() {
        return names.get(0);
    }

    /** All accepted header names, preferred first. */
    public List<String> names() {
        return names;
    }
}
