package org.caart.account.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import org.caart.account.boundary.SignUpRequest;
import org.caart.account.entity.UserAccount;
import org.caart.platform.InvalidInputException;

/** Creates an account from a sign-up form, after checking every field at once; used by sign-up and invitations. */
@Dependent
public class Registration {

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashing hashing;

    @Inject
    Clock clock;

    /** The field problems of a request, the taken email included; empty when it can be registered. */
    public Map<String, String> problems(SignUpRequest request) {
        Map<String, String> errors = request.problems();
        if (!errors.containsKey("email") && emailTaken(request.email())) {
            errors.put("email", "This email is already registered");
        }
        try {
            PasswordPolicy.check(request.password(), request.confirmation(), request.email());
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach(errors::putIfAbsent);
        }
        return errors;
    }

    /** Registers a request that {@link #problems} found nothing wrong with. */
    public UserAccount register(SignUpRequest request) {
        UserAccount user = new UserAccount(request.email(), request.firstName().strip(), request.lastName().strip(),
                hashing.hash(request.password()), OffsetDateTime.now(clock));
        em.persist(user);
        em.flush();
        return user;
    }

    public boolean emailTaken(String email) {
        return !em.createQuery("SELECT u.id FROM UserAccount u WHERE u.email = :email", Long.class)
                .setParameter("email", UserAccount.normalizeEmail(email))
                .setMaxResults(1).getResultList().isEmpty();
    }
}
