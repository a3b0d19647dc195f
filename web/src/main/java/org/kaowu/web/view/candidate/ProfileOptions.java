package org.kaowu.web.view.candidate;

import java.util.ArrayList;
import java.util.List;

/**
 * The choices of the 个人信息 selects, in one place. The Chinese term is both what the candidate sees and
 * what is stored (it is printed as-is on the registration form and admission ticket), so the lists are the
 * same in every language.
 */
public final class ProfileOptions {

    /** 民族 — the 56 ethnic groups in the order of GB/T 3304 (codes 01-56). */
    public static final List<String> ETHNIC_GROUPS = List.of(
            "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族",
            "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族",
            "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族",
            "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族",
            "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族",
            "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族");

    /** 政治面貌 */
    public static final List<String> POLITICAL_STATUSES = List.of(
            "中共党员", "中共预备党员", "共青团员", "民主党派", "无党派人士", "群众");

    /** 最高学历 */
    public static final List<String> EDUCATIONS = List.of(
            "博士研究生", "硕士研究生", "大学本科", "大学专科", "中专/高中", "其他");

    private ProfileOptions() {
    }

    /**
     * The options plus {@code current} if it is not among them — a value stored before the list existed (or
     * by another channel) must stay visible and survive a save instead of silently turning into "not chosen".
     */
    public static List<String> withCurrent(List<String> options, String current) {
        if (current == null || current.isBlank() || options.contains(current)) {
            return options;
        }
        List<String> extended = new ArrayList<>(options.size() + 1);
        extended.add(current);
        extended.addAll(options);
        return List.copyOf(extended);
    }
}
