package org.caart.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import org.caart.mail.entity.OutboxMail;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Talks SMTP with Jakarta Mail, configured only from the environment (CAART_SMTP_*): no credential lives in code.
 * Without CAART_SMTP_HOST there is no SMTP server and mail stays captured in the outbox.
 */
@ApplicationScoped
public class SmtpTransport {

    @Inject
    @ConfigProperty(name = "caart.smtp.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "caart.smtp.port", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "caart.smtp.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "caart.smtp.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "caart.smtp.from", defaultValue = "CAaRT <caart@localhost>")
    String from;

    @Inject
    @ConfigProperty(name = "caart.smtp.starttls", defaultValue = "false")
    boolean starttls;

    public boolean configured() {
        return host.filter(h -> !h.isBlank()).isPresent();
    }

    public String describe() {
        return configured() ? host.get() + ":" + port : "no SMTP server configured (mail is captured in the outbox)";
    }

    public void send(OutboxMail mail) throws MessagingException {
        MimeMessage message = new MimeMessage(session());
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.getRecipient(), true));
        message.setSubject(mail.getSubject(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        message.setHeader("X-CAaRT-Mail-Id", String.valueOf(mail.getId()));
        if (mail.getHtmlBody() == null) {
            message.setText(mail.getTextBody(), StandardCharsets.UTF_8.name());
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.getTextBody(), StandardCharsets.UTF_8.name());
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.getHtmlBody(), StandardCharsets.UTF_8.name(), "html");
            message.setContent(new MimeMultipart("alternative", text, html));
        }
        Transport.send(message);
    }

    private Session session() {
        Properties props = new Properties();
        props.put("mail.smtp.host", host.orElseThrow());
        props.put("mail.smtp.port", String.valueOf(port));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "20000");
        props.put("mail.smtp.writetimeout", "20000");
        props.put("mail.smtp.starttls.enable", String.valueOf(starttls));
        props.put("mail.smtp.starttls.required", String.valueOf(starttls));
        Optional<String> login = user.filter(u -> !u.isBlank());
        if (login.isEmpty()) {
            return Session.getInstance(props);
        }
        props.put("mail.smtp.auth", "true");
        String secret = password.orElse("");
        return Session.getInstance(props, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(login.get(), secret);
            }
        });
    }
}
