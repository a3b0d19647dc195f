package org.kaowu.domain.score;

/** 成绩文件格式 — what {@link ScoreFileReader} found in the file's first bytes (the file name is not trusted). */
public enum ScoreFileFormat {
    CSV_UTF8, CSV_GBK, XLSX
}
