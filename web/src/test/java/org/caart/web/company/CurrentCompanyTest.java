package org.caart.web.company;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.caart.platform.NotFoundException;
import org.junit.jupiter.api.Test;

class CurrentCompanyTest {

    /** The caller's companies as the boundary would list them, counting the lookups. */
    static final class CountingChoices extends CompanyChoices {
        int lookups;

        @Override
        public List<Choice> list() {
            lookups++;
            return List.of(new Choice(7, "Seven", "OWNER", true, false, "UTC"),
                    new Choice(9, "Nine", "AUDITOR", false, false, "Europe/Berlin"));
        }
    }

    @Test
    void aPollSettingTheSameCompanyAgainLooksNothingUp() {
        CurrentCompany current = new CurrentCompany();
        CountingChoices choices = new CountingChoices();
        current.companies = choices;
        current.setSelected(9L);
        assertEquals(1, choices.lookups, "a new choice is checked against the caller's companies");
        current.setSelected(9L);
        assertEquals(1, choices.lookups, "the postback's repeated page parameter is not looked up again");
    }

    @Test
    void aCompanyOfSomeoneElseCannotBeChosen() {
        CurrentCompany current = new CurrentCompany();
        current.companies = new CountingChoices();
        current.setSelected(9L);
        assertThrows(NotFoundException.class, () -> current.setSelected(8L));
        assertEquals(9L, current.id());
    }
}
