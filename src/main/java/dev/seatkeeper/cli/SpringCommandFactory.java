package dev.seatkeeper.cli;

import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import picocli.CommandLine;

/** Lets Spring build our commands (constructor injection); picocli's own helper classes come from its factory. */
final class SpringCommandFactory implements CommandLine.IFactory {

	private final AutowireCapableBeanFactory beanFactory;

	SpringCommandFactory(AutowireCapableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public <K> K create(Class<K> type) throws Exception {
		if (type.getName().startsWith("dev.seatkeeper.")) {
			return this.beanFactory.createBean(type);
		}
		return CommandLine.defaultFactory().create(type);
	}

}
