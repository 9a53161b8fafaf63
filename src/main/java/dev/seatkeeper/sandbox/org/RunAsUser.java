package dev.seatkeeper.sandbox.org;

import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.seatkeeper.sandbox.soql.SoqlSchema;
import org.jspecify.annotations.Nullable;

/**
 * The permission model of the user API sessions run as, answering as Salesforce does: an object the user may not
 * read is not there at all ({@code INVALID_TYPE} in a query, {@code NOT_FOUND} for its describe, absent from the
 * global describe); a field the org lacks or field-level security hides is not there either ({@code INVALID_FIELD},
 * absent from describe); a write the user may not make fails per record with {@code INSUFFICIENT_ACCESS_OR_READONLY}.
 * The default user holds every permission and sees every field, as a well set-up integration user does.
 *
 * <p>The rules follow the objects' "Special Access Rules" in Salesforce's Object Reference (see the README's
 * conformance table). Immutable and thread-safe.
 */
public final class RunAsUser {

	private static final String INSUFFICIENT_ACCESS = "INSUFFICIENT_ACCESS_OR_READONLY";

	/** Per object: any one of these permissions lets the user read it. Objects not listed need none. */
	private static final Map<String, Set<Permission>> READ = Map.of(
			"loginhistory", EnumSet.of(Permission.MANAGE_USERS, Permission.MONITOR_LOGIN_HISTORY),
			"userlogin", EnumSet.of(Permission.MANAGE_USERS),
			"userlicense", EnumSet.of(Permission.VIEW_SETUP),
			"permissionsetlicense", EnumSet.of(Permission.VIEW_SETUP),
			"packagelicense", EnumSet.of(Permission.VIEW_SETUP),
			"tenantusageentitlement", EnumSet.of(Permission.VIEW_SETUP),
			"activefeaturelicensemetric", EnumSet.of(Permission.VIEW_SETUP),
			"activepermsetlicensemetric", EnumSet.of(Permission.VIEW_SETUP),
			"permissionsetlicenseassign", EnumSet.of(Permission.VIEW_SETUP, Permission.ASSIGN_PERMISSION_SETS),
			"permissionsetassignment",
			EnumSet.of(Permission.VIEW_SETUP, Permission.ASSIGN_PERMISSION_SETS, Permission.MANAGE_USERS));

	/** Per "OPERATION object": any one of these permissions lets the user make that write. */
	private static final Map<String, Set<Permission>> WRITE = Map.of(
			"UPDATE user", EnumSet.of(Permission.MANAGE_USERS),
			"UPDATE userlogin", EnumSet.of(Permission.MANAGE_USERS),
			"DELETE permissionsetlicenseassign", EnumSet.of(Permission.MANAGE_USERS),
			"DELETE userpackagelicense", EnumSet.of(Permission.MANAGE_PACKAGE_LICENSES));

	private static final RunAsUser ADMINISTRATOR = new RunAsUser(EnumSet.allOf(Permission.class), Map.of());

	private final Set<Permission> granted;

	/** Lower-case object name to lower-case field names. */
	private final Map<String, Set<String>> hidden;

	/** Lower-case names of objects the user may not read at all (no object permission, or a custom object not deployed). */
	private final Set<String> hiddenObjects;

	private RunAsUser(Set<Permission> granted, Map<String, Set<String>> hidden) {
		this(granted, hidden, Set.of());
	}

	private RunAsUser(Set<Permission> granted, Map<String, Set<String>> hidden, Set<String> hiddenObjects) {
		this.hiddenObjects = Set.copyOf(hiddenObjects);
		this.granted = Collections.unmodifiableSet(EnumSet.copyOf(granted.isEmpty() ? EnumSet.noneOf(Permission.class)
				: granted));
		this.hidden = Map.copyOf(hidden);
	}

	/** Every permission, every field. */
	public static RunAsUser administrator() {
		return ADMINISTRATOR;
	}

	/** This user without the given permission. */
	public RunAsUser withhold(Permission permission) {
		Set<Permission> fewer = EnumSet.noneOf(Permission.class);
		fewer.addAll(this.granted);
		fewer.remove(permission);
		return new RunAsUser(fewer, this.hidden, this.hiddenObjects);
	}

	/** This user, for whom {@code object.field} does not exist (the org lacks it, or field-level security hides it). */
	public RunAsUser hideField(String object, String field) {
		Map<String, Set<String>> more = new HashMap<>(this.hidden);
		Set<String> fields = new HashSet<>(more.getOrDefault(key(object), Set.of()));
		fields.add(key(field));
		more.put(key(object), Set.copyOf(fields));
		return new RunAsUser(this.granted, more, this.hiddenObjects);
	}

	/** This user, for whom the object does not exist (no Read on it, as for a CRM object outside its profile). */
	public RunAsUser hideObject(String object) {
		Set<String> more = new HashSet<>(this.hiddenObjects);
		more.add(key(object));
		return new RunAsUser(this.granted, this.hidden, more);
	}

	public boolean has(Permission permission) {
		return this.granted.contains(permission);
	}

	public boolean canRead(String object) {
		if (this.hiddenObjects.contains(key(object))) {
			return false;
		}
		Set<Permission> needed = READ.get(key(object));
		return needed == null || needed.stream().anyMatch(this.granted::contains);
	}

	public boolean sees(String object, String field) {
		return !this.hidden.getOrDefault(key(object), Set.of()).contains(key(field));
	}

	/** The fields of a type this user sees, in the type's order. */
	public List<String> visibleFields(ObjectType type) {
		return type.fields().stream().filter((field) -> sees(type.name(), field)).toList();
	}

	/**
	 * Why Salesforce refuses this user a write of a record of the type, or {@code null} when it may.
	 * @param operation {@code UPDATE} or {@code DELETE}
	 */
	public SaveResult.@Nullable Error refuse(String operation, ObjectType type) {
		Set<Permission> needed = WRITE.get(operation + " " + key(type.name()));
		boolean allowed = canRead(type.name()) && (needed == null || needed.stream().anyMatch(this.granted::contains));
		return allowed ? null : SaveResult.Error.of(INSUFFICIENT_ACCESS, "insufficient access rights on object id");
	}

	/** Whether this user may delete records of the type (describe's {@code deletable}). */
	public boolean mayDelete(ObjectType type) {
		return type.isDeletable() && refuse("DELETE", type) == null;
	}

	/** Whether this user may update the field (describe's {@code updateable}). */
	public boolean mayUpdate(ObjectType type, String field) {
		return type.isUpdatable(field) && sees(type.name(), field) && refuse("UPDATE", type) == null;
	}

	/** Whether this user may update some field of the type (the object's {@code updateable}). */
	public boolean mayUpdate(ObjectType type) {
		return type.fields().stream().anyMatch((field) -> mayUpdate(type, field));
	}

	/** The org's schema as this user sees it: unreadable objects and hidden fields are not there. */
	public SoqlSchema schema(SoqlSchema org) {
		return new SoqlSchema() {

			@Override
			public @Nullable FieldType typeOf(String objectName, String path) {
				return hasObject(objectName) && visible(objectName, path) ? org.typeOf(objectName, path) : null;
			}

			@Override
			public boolean hasObject(String objectName) {
				return org.hasObject(objectName) && canRead(objectName);
			}

		};
	}

	/** Whether each hop of a field path ({@code Profile.UserLicense.Name}) is visible on the object it is on. */
	private boolean visible(String objectName, String path) {
		int dot = path.indexOf('.');
		String first = (dot < 0) ? path : path.substring(0, dot);
		if (!sees(objectName, first)) {
			return false;
		}
		if (dot < 0) {
			return true;
		}
		ObjectType.Relationship relationship = OrgTypes.byName(objectName).relationship(first);
		return relationship == null || visible(relationship.target(), path.substring(dot + 1));
	}

	private static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		return "RunAsUser[granted=" + this.granted + ", hidden=" + this.hidden + ", hiddenObjects=" + this.hiddenObjects
				+ "]";
	}

}
