package org.caart.web.account;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.caart.account.boundary.Accounts;
import org.caart.account.entity.Profile;
import org.caart.account.entity.RememberToken;
import org.caart.account.entity.UserAccount;
import org.caart.platform.InvalidInputException;
import org.caart.web.CompanyTime;
import org.caart.web.FormMessages;
import org.caart.web.security.CurrentUser;

/** My profile (figures 15 and 18) and the browsers that remember my sign-in. */
@Named
@ViewScoped
public class ProfileBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Accounts accounts;

    @Inject
    CompanyTime time;

    @Inject
    CurrentUser user;

    @Inject
    FacesContext faces;

    private String email;
    private String username;
    private String firstName;
    private String lastName;
    private String streetAddress;
    private String city;
    private String country;
    private String postalCode;
    private String aboutMe;
    private List<RememberedRow> remembered = List.of();

    public void load() {
        show(accounts.profile());
        remembered = accounts.rememberedSignIns().stream().map(t -> RememberedRow.of(t, time)).toList();
    }

    public void save() {
        try {
            show(accounts.updateProfile(new Profile(username, firstName, lastName, streetAddress, city, country,
                    postalCode, aboutMe), user.sourceAddress()));
            FormMessages.info(faces, "Profile saved");
        } catch (InvalidInputException e) {
            FormMessages.show(faces, "profile", e);
        }
    }

    public void forget(RememberedRow row) {
        accounts.forgetRememberedSignIn(row.id(), user.sourceAddress());
        FormMessages.info(faces, "That browser no longer remembers your sign-in");
        load();
    }

    private void show(UserAccount account) {
        Profile p = account.profile();
        email = account.getEmail();
        username = p.username();
        firstName = p.firstName();
        lastName = p.lastName();
        streetAddress = p.streetAddress();
        city = p.city();
        country = p.country();
        postalCode = p.postalCode();
        aboutMe = p.aboutMe();
    }

    public record RememberedRow(long id, String createdAt, String lastUsedAt, String expiresAt, String from,
            String browser) implements Serializable {

        static RememberedRow of(RememberToken t, CompanyTime time) {
            return new RememberedRow(t.getId(), time.of(t.getCreatedAt()),
                    time.of(t.getLastUsedAt()), time.of(t.getExpiresAt()),
                    t.getSourceAddress(), t.getUserAgent());
        }
    }

    public List<RememberedRow> getRemembered() {
        return remembered;
    }

    public String getEmail() {
        return email;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getStreetAddress() {
        return streetAddress;
    }

    public void setStreetAddress(String streetAddress) {
        this.streetAddress = streetAddress;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public void setPostalCode(String postalCode) {
        this.postalCode = postalCode;
    }

    public String getAboutMe() {
        return aboutMe;
    }

    public void setAboutMe(String aboutMe) {
        this.aboutMe = aboutMe;
    }
}
