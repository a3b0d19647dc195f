package org.kaowu.export;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class XlsxTableTest {

    @Test
    void writesHeaderAndTypedCellsAndNeverAFormula() throws Exception {
        byte[] xlsx = XlsxTable.write("报名", List.of("姓名", "金额", "时间", "备注"), List.of(
                List.of("张三", new BigDecimal("120.00"), LocalDateTime.of(2026, 11, 26, 9, 30), "=cmd|' /C calc'!A0"),
                List.of("李四", 7, "", "+1-2")));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheet("报名");
            assertEquals("姓名", sheet.getRow(0).getCell(0).getStringCellValue());
            Row first = sheet.getRow(1);
            assertEquals(120.0, first.getCell(1).getNumericCellValue());
            assertEquals("2026-11-26 09:30:00", first.getCell(2).getStringCellValue());
            assertEquals("=cmd|' /C calc'!A0", first.getCell(3).getStringCellValue(), "kept as typed");
            assertTrue(first.getCell(3).getCellStyle().getQuotePrefixed(), "and never evaluated");
            assertTrue(sheet.getRow(2).getCell(3).getCellStyle().getQuotePrefixed());
            assertFalse(first.getCell(0).getCellStyle().getQuotePrefixed());
        }
    }

    @Test
    void formulaLookingTextIsRecognised() {
        for (String s : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1")) {
            assertTrue(XlsxTable.looksLikeFormula(s), s);
        }
        for (String s : List.of("", "张三", "1-2", "a=b")) {
            assertFalse(XlsxTable.looksLikeFormula(s), s);
        }
    }
}
