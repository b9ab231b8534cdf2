package org.lettersvisits.reporting.annual;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.lettersvisits.contracts.Roles;
import org.lettersvisits.documents.DocxFile;
import org.lettersvisits.documents.PdfFile;
import org.lettersvisits.documents.ReportDocument;
import org.lettersvisits.problem.InvalidField;
import org.lettersvisits.problem.Problem;
import org.lettersvisits.problem.QueryParams;
import org.lettersvisits.reporting.summary.ReportQueries;
import org.lettersvisits.security.CommitteeOnly;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** {@code GET /api/reports/annual}: the petitions section of the year-end work summary, written for the leaders. */
@Path("/api/reports/annual")
@Tag(name = "Reports")
public class AnnualReportResource {

    /** The files the report comes as. */
    enum Format {
        DOCX(DocxFile.MEDIA_TYPE), PDF(PdfFile.MEDIA_TYPE);

        final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }

        static Format of(String format) {
            if (format == null || format.isBlank()) {
                return DOCX;
            }
            try {
                return valueOf(format.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidField("format", "must be docx or pdf");
            }
        }
    }

    private final ReportQueries queries;
    private final OpenCases openCases;
    private final Clock clock;

    AnnualReportResource(ReportQueries queries, OpenCases openCases, Clock clock) {
        this.queries = queries;
        this.openCases = openCases;
        this.clock = clock;
    }

    @GET
    @Produces({ DocxFile.MEDIA_TYPE, PdfFile.MEDIA_TYPE, Problem.MEDIA_TYPE })
    @RolesAllowed({ Roles.LEADER, Roles.SUPERVISOR })
    @CommitteeOnly
    @Operation(summary = "The year-end report on petitions as a Word document or a PDF, in Chinese",
            description = "year: the calendar year (default the current one; not a future year). format: docx "
                    + "(default) or pdf. A paragraph of figures (received, closed, suspended per department, petitions "
                    + "of joint visit days, escalations to the province and the capital, return visits), the department "
                    + "table as GET /api/reports/summary gives it for the year, and the year's cases still open with "
                    + "their responsible leaders; counted as of today, as the dashboard counts. The committee's "
                    + "document of the whole city: a department leader gets 403.")
    public Uni<Response> annual(@QueryParam("year") String year, @QueryParam("format") String format) {
        LocalDate today = LocalDate.now(clock);
        int wanted = QueryParams.integer("year", year, today.getYear(), 2000, today.getYear());
        Format as = Format.of(format);
        LocalDate from = LocalDate.of(wanted, 1, 1);
        LocalDate to = LocalDate.of(wanted, 12, 31);
        return Uni.combine().all().unis(queries.summary(from, to, today, Optional.empty()), openCases.firstAssignedBetween(from, to)).asTuple()
                .emitOn(Infrastructure.getDefaultWorkerPool()) // laying out a document is work for a worker thread
                .map(t -> {
                    ReportDocument document = AnnualReportText.of(new AnnualReport(wanted, today, t.getItem1(), t.getItem2()));
                    byte[] file = as == Format.DOCX ? DocxFile.write(document) : PdfFile.write(document);
                    return Response.ok(file).type(as.mediaType)
                            .header("Content-Disposition", "attachment; filename=\"annual-report-" + wanted + "."
                                    + as.name().toLowerCase(Locale.ROOT) + "\"")
                            .build();
                });
    }
}
