package org.kaowu.domain.score;

import org.kaowu.domain.candidate.IdNumber;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * 成绩导入模板 — the downloadable template: UTF-8 with BOM (so Excel shows the Chinese), the header in the order
 * the reader prefers, and one example line with a made-up but well-formed ID number.
 */
public final class ScoreTemplate {

    public static final String FILE_NAME = "成绩导入模板.csv";
    public static final String CONTENT_TYPE = RejectedLinesCsv.CONTENT_TYPE;

    private ScoreTemplate() {
    }

    public static List<String> header() {
        List<String> header = new ArrayList<>();
        for (ScoreColumn column : ScoreColumn.values()) {
            header.add(column.label());
        }
        return header;
    }

    public static byte[] csv() {
        String id17 = "11010519900307123";
        String example = String.join(",", "202601010001", id17 + IdNumber.checkDigit(id17), "张三", "综合知识",
                "85.5", ScoreStatus.NORMAL.label());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        out.writeBytes(bom);
        out.writeBytes((String.join(",", header()) + "\r\n" + example + "\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
