package dev.seatkeeper.reclamation.notice;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Notices ({@code seatkeeper.reclamation.mail.*}); the SMTP server itself is Spring Boot's {@code spring.mail.*}.
 * @param from the sender of every notice, e.g. {@code it-licenses@acme.example}; without it, or without
 * {@code spring.mail.host}, no notice is sent and candidates of notifying rules wait
 */
@ConfigurationProperties("seatkeeper.reclamation.mail")
public record NoticeProperties(@Nullable String from) {

}
