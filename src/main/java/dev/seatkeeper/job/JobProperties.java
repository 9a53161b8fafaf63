package dev.seatkeeper.job;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Job-wide settings ({@code seatkeeper.job.*}).
 * @param heartbeatTimeout a run lock whose heartbeat is older than this belongs to a dead process
 * @param stopGrace after SIGTERM, how long the job may take to reach a chunk boundary and stop before the process
 * exits anyway (keep it below the pod's terminationGracePeriodSeconds)
 * @param progressInterval how often long steps log items read and the rate
 * @param lockWait how long a launch waits for the profile's run lock before exiting "already running": 0 for a
 * person at a terminal; in Kubernetes longer than the heartbeat timeout, so the retry of a pod that was killed
 * waits for its lock to go stale instead of failing
 * @param userSweepInterval how often every user is downloaded; the nights between download only the users Salesforce
 * changed since the last night ({@code 0s}: every night downloads every user)
 */
@ConfigurationProperties("seatkeeper.job")
public record JobProperties(@DefaultValue("60s") Duration heartbeatTimeout, @DefaultValue("25s") Duration stopGrace,
		@DefaultValue("10s") Duration progressInterval, @DefaultValue("0s") Duration lockWait,
		@DefaultValue("7d") Duration userSweepInterval) {

}
