package dev.seatkeeper.reclamation.notice;

import dev.seatkeeper.job.RunContext;
import dev.seatkeeper.reclamation.candidate.CandidateStore;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The {@code notifyUsers} step, between {@code applyReclamationRules} and {@code reclaim}. */
@Configuration(proxyBeanMethods = false)
class NoticeStepConfiguration {

	@Bean
	Step notifyUsers(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			NoticeTasklet noticeTasklet) {
		return new StepBuilder("notifyUsers", jobRepository).tasklet(noticeTasklet, transactionManager).build();
	}

	@Bean
	@StepScope
	NoticeTasklet noticeTasklet(JdbcTemplate jdbc, CandidateStore candidateStore, NoticeSender noticeSender,
			RunContext run, PlatformTransactionManager transactionManager) {
		TransactionTemplate newTransaction = new TransactionTemplate(transactionManager);
		newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return new NoticeTasklet(new NoticeReader(jdbc, candidateStore), candidateStore, noticeSender, newTransaction,
				run.profile(), run.asOf());
	}

	/** Without {@code spring.mail.host} Boot creates no mail sender, and no notice is sent. */
	@Bean
	NoticeSender noticeSender(ObjectProvider<MailSender> mailSender, NoticeProperties properties) {
		return new NoticeSender(mailSender.getIfAvailable(), properties.from());
	}

}
