package org.caart.web.policy;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.caart.platform.ConflictException;
import org.caart.platform.InvalidInputException;
import org.caart.policy.boundary.Policies;
import org.caart.policy.boundary.PolicySummary;
import org.caart.policy.entity.PolicyFinding;
import org.caart.policy.entity.UploadedPolicy;
import org.caart.web.FormMessages;
import org.caart.web.company.CurrentCompany;
import org.caart.web.security.CurrentUser;

/** Uploaded policies: upload a CAaRT or Wazuh SCA file and see what the agent cannot evaluate, list, delete. */
@Named
@ViewScoped
public class PoliciesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Policies policies;

    @Inject
    CurrentCompany current;

    @Inject
    CurrentUser user;

    @Inject
    FacesContext faces;

    private long companyId;
    private List<PolicySummary> rows = List.of();
    private String name;
    private transient Part file;
    private Uploaded uploaded;

    public void load() {
        companyId = current.id();
        rows = policies.list(companyId);
    }

    public void upload() {
        try {
            UploadedPolicy policy = policies.upload(companyId, file == null ? null : file.getSubmittedFileName(), name,
                    read(file), user.sourceAddress());
            uploaded = Uploaded.of(policy);
            FormMessages.info(faces, "Policy " + policy.getName() + " uploaded: " + policy.getCheckCount()
                    + " check(s), " + policy.getFindingsCount() + " unsupported construct(s)");
            name = null;
            rows = policies.list(companyId);
        } catch (InvalidInputException e) {
            uploaded = null;
            FormMessages.show(faces, "upload", e);
        } catch (ConflictException e) {
            uploaded = null;
            faces.addMessage("upload:name", new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            faces.validationFailed();
        }
    }

    public void delete(PolicySummary row) {
        try {
            policies.delete(companyId, row.id(), user.sourceAddress());
            FormMessages.info(faces, "Policy " + row.name() + " deleted");
            if (uploaded != null && uploaded.id() == row.id()) {
                uploaded = null;
            }
        } catch (ConflictException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
        rows = policies.list(companyId);
    }

    private static String read(Part part) {
        if (part == null) {
            return null;
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the uploaded policy file", e);
        }
    }

    public List<PolicySummary> getRows() {
        return rows;
    }

    public Uploaded getUploaded() {
        return uploaded;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    /** The policy just uploaded, with its findings and the note on command checks (null without any). */
    public record Uploaded(long id, String name, String format, int checks, int commandChecks, String commandNote,
            int unsupported, List<PolicyFinding> findings) implements Serializable {

        static Uploaded of(UploadedPolicy p) {
            return new Uploaded(p.getId(), p.getName(), p.getFormat().name(), p.getCheckCount(), p.getCommandChecks(),
                    p.commandNote(), p.getFindingsCount(), p.findings());
        }
    }
}
