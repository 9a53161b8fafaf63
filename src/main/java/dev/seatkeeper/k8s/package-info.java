/**
 * Kubernetes manifests generated from the published profiles: one CronJob per org, with its own schedule and Secret.
 */
@NullMarked
package dev.seatkeeper.k8s;

import org.jspecify.annotations.NullMarked;
