package org.lettersvisits.assignment.domain;

/**
 * What a file is to its case, so the file can be found among the others without opening each: the petitioner's letter
 * (信件), evidence they or the department gathered (证据材料), the department's answer (答复意见), a photo of a receipt
 * (回执照片), or anything else (其他).
 */
public enum AttachmentKind {
    LETTER, EVIDENCE, ANSWER, RECEIPT_PHOTO, OTHER
}
