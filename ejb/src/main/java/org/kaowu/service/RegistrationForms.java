package org.kaowu.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.kaowu.domain.candidate.Candidate;
import org.kaowu.domain.candidate.CandidateImageRepository;
import org.kaowu.domain.candidate.Gender;
import org.kaowu.domain.candidate.image.ImageKind;
import org.kaowu.domain.registration.Registration;
import org.kaowu.domain.registration.RegistrationStatus;
import org.kaowu.pdf.RegistrationFormPdf;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The 报名表 of one registration, as the candidate prints it and the reviewers see it: editable registrations
 * show the profile as it stands, submitted ones the snapshot taken at 提交审核. Called by the services after
 * they have checked who may see the registration.
 */
@ApplicationScoped
class RegistrationForms {

    /** The candidate-facing status words (the PDF is always Chinese, like the paper form). */
    static final Map<RegistrationStatus, String> STATUS_LABELS = Map.of(
            RegistrationStatus.DRAFT, "未提交", RegistrationStatus.SUBMITTED, "待审核",
            RegistrationStatus.REJECTED, "审核未通过", RegistrationStatus.REVIEWED, "审核通过，待缴费",
            RegistrationStatus.APPROVED, "审核通过", RegistrationStatus.WITHDRAWN, "已撤回");
    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    private CandidateImageRepository images;
    @Inject
    private RegistrationFormPdf formPdf;
    @Inject
    private Clock clock;

    byte[] render(Registration r) {
        Candidate candidate = r.getCandidate();
        boolean live = r.getStatus().isEditable();
        Map<String, String> personal = new LinkedHashMap<>();
        personal.put("姓名", live ? candidate.getName() : r.getSnapName());
        Gender gender = live ? candidate.getGender() : r.getSnapGender();
        personal.put("性别", gender == null ? "" : gender == Gender.MALE ? "男" : "女");
        personal.put("身份证号", candidate.getIdNumber());
        personal.put("出生日期", format(live ? candidate.getBirthDate() : r.getSnapBirthDate()));
        personal.put("民族", live ? candidate.getEthnicity() : r.getSnapEthnicity());
        personal.put("政治面貌", live ? candidate.getPoliticalStatus() : r.getSnapPoliticalStatus());
        personal.put("最高学历", live ? candidate.getEducation() : r.getSnapEducation());
        personal.put("所学专业", live ? candidate.getMajor() : r.getSnapMajor());
        personal.put("毕业院校", live ? candidate.getSchool() : r.getSnapSchool());
        LocalDate graduated = live ? candidate.getGraduationDate() : r.getSnapGraduationDate();
        personal.put("毕业时间", graduated == null ? "" : graduated.toString().substring(0, 7));
        personal.put("工作单位", live ? candidate.getEmployer() : r.getSnapEmployer());
        personal.put("手机号码", live ? candidate.getMobile() : r.getSnapMobile());
        personal.put("电子邮箱", live ? candidate.getEmail() : r.getSnapEmail());
        personal.put("邮政编码", live ? candidate.getPostcode() : r.getSnapPostcode());
        Map<String, String> wide = new LinkedHashMap<>();
        wide.put("通讯地址", live ? candidate.getAddress() : r.getSnapAddress());
        wide.put("报考点", r.getBatchSite().getSite().getName() + "（" + r.getBatchSite().getSite().getAddress() + "）");
        wide.put("报考岗位", String.join("、", r.getPositions().stream().map(p -> p.getCode() + " " + p.getName()).toList()));
        byte[] photo = live ? images.find(candidate, ImageKind.PHOTO).map(i -> i.toUploadedImage().bytes()).orElse(null)
                : r.getSnapPhoto();
        return formPdf.render(new RegistrationFormPdf.Form("报名表", r.getBatch().getName(), r.getRegistrationNo(),
                STATUS_LABELS.get(r.getStatus()), personal, photo, wide,
                "请在审核期内携带本表及身份证原件到报考点进行现场审核和缴费。打印时间："
                        + PRINTED.format(LocalDateTime.now(clock))));
    }

    private static String format(LocalDate date) {
        return date == null ? "" : date.toString();
    }
}
