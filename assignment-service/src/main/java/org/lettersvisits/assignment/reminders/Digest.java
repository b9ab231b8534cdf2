package org.lettersvisits.assignment.reminders;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.lettersvisits.export.ExportLabels;
import org.lettersvisits.time.BusinessDates;

/**
 * One day's reminder for one addressee (a department, or a responsible leader): its cases past or near a deadline,
 * most urgent first, and the mail that says so in Chinese.
 */
public record Digest(LocalDate day, Audience audience, String addressee, List<DueCase> cases) {

    /** Whom a digest is for. */
    public enum Audience {
        /** Every officer of the department holding the cases. */
        DEPARTMENT,
        /** The leader responsible for the cases, in whichever department. */
        LEADER
    }

    /** The addressee as the mail names it: the department's Chinese name, or the leader's name. */
    public String addresseeName() {
        return audience == Audience.DEPARTMENT ? ExportLabels.of("department", addressee) : addressee;
    }

    public long overdue() {
        return cases.stream().filter(c -> c.daysLeft(day) < 0).count();
    }

    public String subject() {
        long overdue = overdue();
        return "信访案件到期提醒（" + addresseeName() + "，" + BusinessDates.chinese(day) + "）：已逾期" + overdue + "件，7日内到期"
                + (cases.size() - overdue) + "件";
    }

    /** The mail's text: the cases by urgency, each with its deadlines, and where to work them. */
    public String text(String queueLink) {
        StringBuilder text = new StringBuilder(addresseeName()).append("：\n\n截至").append(BusinessDates.chinese(day))
                .append(audience == Audience.DEPARTMENT ? "，贵单位" : "，您负责的")
                .append("以下信访案件已逾期或将在7日内到期，请抓紧办理：\n");
        section(text, "已逾期", c -> c.daysLeft(day) < 0);
        section(text, "今明两日到期", c -> c.daysLeft(day) >= 0 && c.daysLeft(day) <= 1);
        section(text, "3日内到期", c -> c.daysLeft(day) > 1 && c.daysLeft(day) <= 3);
        section(text, "7日内到期", c -> c.daysLeft(day) > 3);
        return text.append("\n请登录信访平台办理：").append(queueLink)
                .append("\n\n此邮件由信访平台每日自动发送一次；案件办结、中止后不再提醒。\n").toString();
    }

    private void section(StringBuilder text, String title, java.util.function.Predicate<DueCase> in) {
        List<DueCase> these = cases.stream().filter(in).toList();
        if (these.isEmpty()) {
            return;
        }
        text.append("\n").append(title).append("（").append(these.size()).append("件）\n");
        for (DueCase c : these) {
            text.append("  ").append(c.caseNumber()).append("｜")
                    .append(audience == Audience.DEPARTMENT ? "责任领导 " + c.responsibleLeader()
                            : ExportLabels.of("department", c.department()))
                    .append("｜办理期限 ").append(c.deadline()).append(when(c.deadline()));
            if (c.statutoryDue() != null) {
                text.append("｜法定办理期限 ").append(c.statutoryDue().date()).append(when(c.statutoryDue().date()));
            }
            text.append("\n");
        }
    }

    private String when(LocalDate deadline) {
        long days = ChronoUnit.DAYS.between(day, deadline);
        return days < 0 ? "（已逾期" + -days + "天）" : days == 0 ? "（今天到期）" : "（还有" + days + "天）";
    }
}
