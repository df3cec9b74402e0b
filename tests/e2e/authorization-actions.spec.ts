import { expect, test } from "@playwright/test";
import { buildWorld, png, pngFile, type Actor, type World } from "./support/actions-world";
import { signedInClient } from "./support/api";
import { builtActions, callAction, declaredActions, formData, pagePattern, type ActionName, type Outcome } from "./support/server-actions";

/**
 * Every server action × actor × resource state, called over HTTP as an attacker would (the
 * action id from the build, a POST to a page that hosts it). Each cell states what the action
 * answers: a redirect to sign-in, a FormState with its message, a thrown error (Next's 500 with
 * a digest) or a success. After every cell the affected resource is read back through the JSON
 * API and must be unchanged, except in the one cell per row named by `changes`. Rows run in
 * order and some rely on an earlier success (noted). A "use server" export without a row fails
 * the first test.
 */

type Fields = Record<string, string | string[] | File>;
type Row = {
  action: ActionName;
  /** The resource state the row is about, where it changes the answer. */
  state?: string;
  page: (w: World) => string;
  /** The form the action gets; omitted for actions that take no arguments. */
  form?: (w: World, actor: Actor) => Fields;
  /** What each actor gets (a function where the answer names something of this run, like a handle). */
  cells: Partial<Record<Actor, Outcome | ((w: World) => Outcome)>>;
  /** The actor whose cell is expected to change the snapshot; every other cell must leave it as it was. */
  changes?: Actor;
  snapshot?: (w: World) => Promise<unknown>;
};

const PROFILE = "app/profile/[user]/actions.ts";
const EDIT = "app/profile/[user]/edit/actions.ts";
const ENDORSEMENTS = "app/profile/[user]/endorsement-actions.ts";
const POSTINGS = "app/connect/(tabs)/opportunities/actions.ts";
const POSTING = "app/connect/(tabs)/opportunities/[id]/actions.ts";
const WORKSPACES = "app/connect/(tabs)/workspace/actions.ts";
const ENDORSE = "app/connect/(tabs)/workspace/_components/endorse-action.ts";
const PEOPLE = "app/connect/(tabs)/people/actions.ts";

const signIn = (returnTo?: string): Outcome => ({ redirect: returnTo ? `/connect/signin?callbackUrl=${encodeURIComponent(returnTo)}` : "/connect/signin" });
const refused = (message: string): Outcome => ({ returned: expect.objectContaining({ ok: false, message }) });
/** A field-level refusal: the form shows the message under `field`, and counts the fields above. */
const invalid = (field: string, message: string): Outcome => ({ returned: expect.objectContaining({ ok: false, message: "1 field needs your attention.", fieldErrors: { [field]: [message] } }) });
const saved = (message: string): Outcome => ({ returned: expect.objectContaining({ ok: true, message }) });
const redirectTo = (to: string | RegExp): Outcome => ({ redirect: typeof to === "string" ? to : (expect.stringMatching(to) as unknown as string) });
const done: Outcome = { returned: undefined }; // a void action that finished
const threw: Outcome = { threw: 500 }; // a void action whose service refused: nothing but a digest comes back

const NOT_OWNER = "Only the person who posted this opportunity can do that.";
const NOT_APPLIED = "You have not applied to this opportunity.";
const NEW_CALENDAR = "New address ready: the old one no longer works.";
const NOT_ARTIST = "Only the artist can change or delete this artwork.";
const NO_PROFILE = "No profile with this handle.";
const NO_WORKSPACE = "No such workspace.";
const edit = (w: World) => `/profile/${w.handles.owner}/edit`;
const posting = (w: World) => `/connect/opportunities/${w.posting.id}`;
const filled = (w: World) => `/connect/opportunities/${w.filled.id}`;
const room = (id: (w: World) => string) => (w: World) => `/connect/workspace/${id(w)}`;
const live = (w: World) => w.live.id;
const ended = (w: World) => w.ended.id;
const drawn = (w: World) => w.drawn.id;

const matrix: Row[] = [
  // Profiles: relationships, then the owner's own profile and portfolio (the edit page's actions act on the signed-in person only).
  { action: `${PROFILE}#changeRelationship`, state: "follow a visible profile", page: (w) => `/profile/${w.handles.owner}`, form: (w) => ({ handle: w.handles.owner, intent: "follow" }), cells: { anonymous: signIn("/profile/OWNER"), blocked: refused(NO_PROFILE), other: saved("You follow them now.") }, changes: "other", snapshot: (w) => w.snapshots.ownerProfile() },
  { action: `${PROFILE}#changeRelationship`, state: "lift someone else's block", page: (w) => `/profile/${w.handles.owner}`, form: (w) => ({ handle: w.handles.owner, intent: "unblock" }), cells: { blocked: refused(NO_PROFILE) }, snapshot: (w) => w.snapshots.ownerSeenByBlocked() },
  { action: `${PROFILE}#changeRelationship`, state: "hidden profile", page: (w) => `/profile/${w.handles.hidden}`, form: (w) => ({ handle: w.handles.hidden, intent: "follow" }), cells: { other: refused(NO_PROFILE) }, snapshot: (w) => w.snapshots.hiddenProfile() },
  { action: `${EDIT}#saveProfile`, page: edit, form: (w, actor) => ({ displayName: `Edited by ${actor}`, headline: "Changed through the action", region: "Lisbon, PT", skills: "ink", tags: "" }), cells: { anonymous: signIn(), other: saved("Profile saved."), owner: saved("Profile saved.") }, changes: "owner", snapshot: (w) => w.snapshots.ownerProfile() },
  { action: `${EDIT}#saveAvatar`, page: edit, form: () => ({ file: IMAGE }), cells: { anonymous: signIn(), other: saved("Photo updated."), owner: saved("Photo updated.") }, changes: "owner", snapshot: (w) => w.snapshots.ownerProfile() },
  { action: `${EDIT}#uploadArtwork`, page: edit, form: () => ({ file: IMAGE, title: "Uploaded by action" }), cells: { anonymous: signIn(), other: saved("“Uploaded by action” was added to your portfolio."), owner: saved("“Uploaded by action” was added to your portfolio.") }, changes: "owner", snapshot: (w) => w.snapshots.ownerProfile() },
  { action: `${EDIT}#artworkUploaded`, page: edit, cells: { anonymous: signIn(), other: done, owner: done }, snapshot: (w) => w.snapshots.ownerProfile() },
  { action: `${EDIT}#saveArtwork`, page: edit, form: (w) => ({ id: w.artwork.id, title: "Taken" }), cells: { anonymous: signIn(), other: refused(NOT_ARTIST), blocked: refused(NOT_ARTIST), owner: saved("Artwork saved.") }, changes: "owner", snapshot: (w) => w.snapshots.artwork() },
  { action: `${EDIT}#removeArtwork`, page: edit, form: (w) => ({ id: w.artwork.id }), cells: { anonymous: signIn(), other: refused(NOT_ARTIST), blocked: refused(NOT_ARTIST), owner: saved("Artwork deleted.") }, changes: "owner", snapshot: (w) => w.snapshots.artwork() },

  // Endorsements. The owner's success publishes both (the participant endorsed first), which the reply and report rows need.
  { action: `${ENDORSE}#endorseAction`, state: "live workspace", page: room(live), form: (w) => endorsement(w, "owner", w.live.id), cells: { owner: refused("You can endorse once the session has ended.") }, snapshot: (w) => w.snapshots.endorsement() },
  { action: `${ENDORSE}#endorseAction`, state: "ended workspace", page: room(ended), form: (w, actor) => endorsement(w, actor, w.ended.id), cells: { anonymous: signIn("/connect/workspace/ENDED"), other: refused("You can only endorse someone who joined the same workspace as you."), blocked: refused("You cannot endorse this person."), participant: invalid("subject", "You cannot endorse yourself."), owner: saved("Sent — you have endorsed each other, so both endorsements are now on your profiles.") }, changes: "owner", snapshot: (w) => w.snapshots.endorsement() },
  { action: `${ENDORSE}#endorseAction`, state: "filled opportunity", page: filled, form: (w, actor) => endorsement(w, actor, w.filled.id, "opportunity"), cells: { anonymous: signIn("/connect/opportunities/FILLED"), other: refused("Only the owner of a filled opportunity and the people selected for it can endorse each other."), blocked: refused("You cannot endorse this person."), owner: saved("Sent. It stays hidden until they endorse you too, or until the 14 days are up.") }, snapshot: (w) => w.snapshots.endorsement() },
  { action: `${ENDORSEMENTS}#replyAction`, state: "published", page: (w) => `/profile/${w.handles.owner}`, form: (w) => ({ handle: w.handles.owner, id: w.endorsement.id, text: "Thank you." }), cells: { anonymous: signIn("/profile/OWNER"), other: refused("Only the person endorsed can reply."), blocked: refused("No such endorsement."), participant: refused("Only the person endorsed can reply."), owner: saved("Your reply is published.") }, changes: "owner", snapshot: (w) => w.snapshots.endorsement() },
  { action: `${ENDORSEMENTS}#reportAction`, state: "published", page: (w) => `/profile/${w.handles.owner}`, form: (w) => ({ handle: w.handles.owner, id: w.endorsement.id, reason: "Looks copied." }), cells: { anonymous: signIn("/profile/OWNER"), blocked: refused("No such endorsement."), other: saved("Thank you. A moderator will read your report.") }, snapshot: (w) => w.snapshots.endorsement() },

  // Opportunities: the open posting (its application by the participant, its attachment), the filled one, then the posting's end.
  { action: `${POSTINGS}#createOpportunityAction`, page: () => "/connect/opportunities/new", form: () => ({ title: "Made by action", kind: "job", region: "Berlin, DE" }), cells: { anonymous: signIn("/connect/opportunities/new"), owner: redirectTo(/^\/connect\/opportunities\/[\w-]+$/) } },
  { action: `${POSTINGS}#updateOpportunityAction`, page: (w) => `${posting(w)}/edit`, form: (w) => ({ id: w.posting.id, title: "Taken over", kind: "open_call", region: "Lisbon, PT" }), cells: { anonymous: signIn("/connect/opportunities/POSTING/edit"), other: refused(NOT_OWNER), blocked: refused(NOT_OWNER), participant: refused(NOT_OWNER), owner: redirectTo("/connect/opportunities/POSTING") }, changes: "owner", snapshot: (w) => w.snapshots.posting() },
  { action: `${POSTINGS}#uploadAttachmentAction`, page: (w) => `${posting(w)}/edit`, form: (w) => ({ id: w.posting.id, file: IMAGE }), cells: { anonymous: signIn("/connect/opportunities/POSTING/edit"), other: refused(NOT_OWNER), blocked: refused(NOT_OWNER), participant: refused(NOT_OWNER), owner: saved("Attached.") }, changes: "owner", snapshot: (w) => w.snapshots.posting() },
  // Someone who owns a posting names the owner's attachment under their own posting's id (before the owner deletes it).
  { action: `${POSTINGS}#deleteAttachmentAction`, state: "another posting's attachment", page: (w) => `/connect/opportunities/${w.otherPosting.id}/edit`, form: (w) => ({ id: w.otherPosting.id, attachmentId: w.attachment.id }), cells: { other: refused("No such attachment.") }, snapshot: (w) => w.snapshots.posting() },
  { action: `${POSTINGS}#deleteAttachmentAction`, state: "its own posting's attachment", page: (w) => `${posting(w)}/edit`, form: (w) => ({ id: w.posting.id, attachmentId: w.attachment.id }), cells: { anonymous: signIn("/connect/opportunities/POSTING/edit"), other: refused(NOT_OWNER), blocked: refused(NOT_OWNER), participant: refused(NOT_OWNER), owner: saved("Attachment removed.") }, changes: "owner", snapshot: (w) => w.snapshots.posting() },
  { action: `${POSTINGS}#rotateCalendarAction`, page: () => "/connect/opportunities", cells: { anonymous: signIn("/connect/opportunities"), other: saved(NEW_CALENDAR), owner: saved(NEW_CALENDAR) }, changes: "owner", snapshot: (w) => w.snapshots.ownerCalendar() },
  { action: `${POSTING}#applyAction`, state: "filled", page: filled, form: (w) => ({ id: w.filled.id, message: "Late" }), cells: { other: refused("This opportunity has been filled."), participant: refused("This opportunity has been filled.") }, snapshot: (w) => w.snapshots.applications(w.filled.id)() },
  { action: `${POSTING}#applyAction`, state: "open", page: posting, form: (w) => ({ id: w.posting.id, message: "Me too" }), cells: { anonymous: signIn("/connect/opportunities/POSTING"), owner: refused("You cannot apply to your own opportunity."), blocked: refused("You cannot apply to this opportunity."), participant: refused("You have already applied to this opportunity."), other: saved("Your application was sent.") }, changes: "other", snapshot: (w) => w.snapshots.applications(w.posting.id)() },
  { action: `${POSTING}#applyAction`, state: "someone else's artworks", page: (w) => `/connect/opportunities/${w.otherPosting.id}`, form: (w) => ({ id: w.otherPosting.id, message: "See these", artworkIds: w.keptArtwork.id }), cells: { participant: invalid("artworkIds", "Choose artworks from your own portfolio.") }, snapshot: (w) => w.snapshots.otherPostingApplications() },
  { action: `${POSTING}#withdrawAction`, state: "filled", page: filled, form: (w) => ({ id: w.filled.id }), cells: { participant: refused("This opportunity has been filled: applications stay as they were.") }, snapshot: (w) => w.snapshots.applications(w.filled.id)() },
  { action: `${POSTING}#withdrawAction`, state: "open", page: posting, form: (w) => ({ id: w.posting.id }), cells: { anonymous: signIn("/connect/opportunities/POSTING"), owner: refused(NOT_APPLIED), blocked: refused(NOT_APPLIED), participant: saved("Your application was withdrawn.") }, changes: "participant", snapshot: (w) => w.snapshots.applications(w.posting.id)() },
  { action: `${POSTING}#saveAction`, state: "open", page: posting, form: (w) => ({ id: w.posting.id }), cells: { anonymous: signIn("/connect/opportunities/POSTING"), other: saved("Saved for later.") }, snapshot: (w) => w.snapshots.posting() },
  { action: `${POSTING}#saveAction`, state: "no such posting", page: posting, form: () => ({ id: "no-such-posting" }), cells: { other: refused("No such opportunity.") } },
  { action: `${POSTING}#statusAction`, state: "filled", page: filled, form: (w) => ({ id: w.filled.id, intent: "reopen" }), cells: { other: refused(NOT_OWNER), blocked: refused(NOT_OWNER), participant: refused(NOT_OWNER), owner: refused("This opportunity is filled; that is final.") }, snapshot: (w) => w.snapshots.filled() },
  { action: `${POSTING}#statusAction`, state: "open", page: posting, form: (w) => ({ id: w.posting.id, intent: "close" }), cells: { anonymous: signIn("/connect/opportunities/POSTING"), other: refused(NOT_OWNER), blocked: refused(NOT_OWNER), participant: refused(NOT_OWNER), owner: saved("Closed to applications.") }, changes: "owner", snapshot: (w) => w.snapshots.posting() },
  { action: `${POSTING}#deleteAction`, state: "filled", page: filled, form: (w) => ({ id: w.filled.id }), cells: { participant: refused(NOT_OWNER), owner: refused("A filled opportunity is the record of who was selected; it cannot be deleted.") }, snapshot: (w) => w.snapshots.filled() },
  // The statusAction row above closed the open posting; its owner now deletes it.
  { action: `${POSTING}#deleteAction`, state: "closed", page: posting, form: (w) => ({ id: w.posting.id }), cells: { anonymous: signIn("/connect/opportunities/POSTING"), other: refused(NOT_OWNER), blocked: refused(NOT_OWNER), participant: refused(NOT_OWNER), owner: redirectTo("/connect/opportunities?owner=me") }, changes: "owner", snapshot: (w) => w.snapshots.posting() },

  // Workspaces and invitations; the live workspace is ended last.
  { action: `${WORKSPACES}#createWorkspaceAction`, page: () => "/connect/workspace", form: (w) => ({ name: "Made by action", sessionType: "group", invite: w.handles.owner }), cells: { anonymous: signIn("/connect/workspace"), blocked: refused("You cannot invite some of these people."), owner: redirectTo(/^\/connect\/workspace\/[\w-]+$/) }, changes: "owner", snapshot: (w) => w.snapshots.ownerWorkspaces() },
  { action: `${WORKSPACES}#createWorkspaceAction`, state: "hidden invitee", page: () => "/connect/workspace", form: (w) => ({ name: "Uninvited", sessionType: "dm", invite: w.handles.hidden }), cells: { other: (w) => invalid("invite", `No one is called ${w.handles.hidden}.`) }, snapshot: (w) => w.snapshots.hiddenWorkspaces() },
  { action: `${WORKSPACES}#publishArtworkAction`, state: "live workspace", page: room(live), form: (w) => ({ id: w.live.id, title: "Ours" }), cells: { anonymous: signIn("/connect/workspace/LIVE"), other: refused(NO_WORKSPACE), blocked: refused(NO_WORKSPACE), participant: refused("Only the host can publish the final artwork."), owner: refused("End the session before publishing its final artwork.") }, snapshot: (w) => w.snapshots.workspace(w.live.id)() },
  { action: `${WORKSPACES}#publishArtworkAction`, state: "ended workspace, empty canvas", page: room(ended), form: (w) => ({ id: w.ended.id, title: "Ours" }), cells: { other: refused(NO_WORKSPACE), blocked: refused(NO_WORKSPACE), participant: refused("Only the host can publish the final artwork."), owner: refused("The canvas is empty: there is nothing to publish.") }, snapshot: (w) => w.snapshots.workspace(w.ended.id)() },
  { action: `${WORKSPACES}#publishArtworkAction`, state: "ended workspace, drawn on", page: room(drawn), form: (w) => ({ id: w.drawn.id, title: "Ours" }), cells: { anonymous: signIn("/connect/workspace/DRAWN"), other: refused(NO_WORKSPACE), blocked: refused(NO_WORKSPACE), participant: refused("Only the host can publish the final artwork."), owner: saved("Published to the profiles of everyone who drew.") }, changes: "owner", snapshot: (w) => w.snapshots.workspace(w.drawn.id)() },
  { action: `${PEOPLE}#inviteSuggestion`, state: "new direct session", page: () => "/connect/people", form: (w) => ({ handle: w.handles.owner, workspace: "new" }), cells: { anonymous: signIn("/connect/people"), blocked: refused("You cannot invite some of these people."), other: redirectTo(/^\/connect\/workspace\/[\w-]+$/) }, changes: "other", snapshot: (w) => w.snapshots.ownerWorkspaces() },
  { action: `${PEOPLE}#inviteSuggestion`, state: "ended workspace", page: () => "/connect/people", form: (w) => ({ handle: w.handles.other, workspace: w.ended.id }), cells: { participant: refused("Only the host can invite people."), owner: refused("This session has ended: it takes no more invitations.") }, snapshot: (w) => w.snapshots.workspace(w.ended.id)() },
  { action: `${PEOPLE}#inviteSuggestion`, state: "live workspace, invitee blocked", page: () => "/connect/people", form: (w) => ({ handle: w.handles.blocked, workspace: w.live.id }), cells: { owner: refused("You cannot invite this person.") }, snapshot: (w) => w.snapshots.workspace(w.live.id)() },
  { action: `${PEOPLE}#inviteSuggestion`, state: "hidden invitee", page: () => "/connect/people", form: (w, actor) => ({ handle: w.handles.hidden, workspace: actor === "owner" ? w.live.id : "new" }), cells: { other: (w) => invalid("invite", `No one is called ${w.handles.hidden}.`), owner: (w) => invalid("handle", `No one is called ${w.handles.hidden}.`) }, snapshot: (w) => w.snapshots.hiddenWorkspaces() },
  { action: `${PEOPLE}#inviteSuggestion`, state: "live workspace", page: () => "/connect/people", form: (w) => ({ handle: w.handles.invitee, workspace: w.live.id }), cells: { anonymous: signIn("/connect/people"), other: refused(NO_WORKSPACE), blocked: refused(NO_WORKSPACE), participant: refused("Only the host can invite people."), owner: redirectTo("/connect/workspace/LIVE") }, changes: "owner", snapshot: (w) => w.snapshots.workspace(w.live.id)() },
  { action: `${WORKSPACES}#endWorkspaceAction`, state: "live workspace", page: room(live), form: (w) => ({ id: w.live.id }), cells: { anonymous: signIn("/connect/workspace/LIVE"), other: refused(NO_WORKSPACE), blocked: refused(NO_WORKSPACE), participant: refused("Only the host can end this session."), owner: saved("The session has ended.") }, changes: "owner", snapshot: (w) => w.snapshots.workspace(w.live.id)() },

  // Suggestions on /connect/people.
  { action: `${PEOPLE}#followSuggestion`, state: "visible profile", page: () => "/connect/people", form: (w) => ({ handle: w.handles.owner }), cells: { anonymous: signIn("/connect/people"), blocked: refused(NO_PROFILE), participant: redirectTo("/connect/people?done=followed&who=OWNER") }, changes: "participant", snapshot: (w) => w.snapshots.ownerProfile() },
  { action: `${PEOPLE}#followSuggestion`, state: "hidden profile", page: () => "/connect/people", form: (w) => ({ handle: w.handles.hidden }), cells: { other: refused(NO_PROFILE) }, snapshot: (w) => w.snapshots.hiddenProfile() },
  { action: `${PEOPLE}#dismissSuggestion`, page: () => "/connect/people", form: (w) => ({ handle: w.handles.owner, reason: "not_now" }), cells: { anonymous: signIn("/connect/people"), blocked: refused(NO_PROFILE), other: redirectTo("/connect/people?done=dismissed&who=OWNER&reason=not_now") }, snapshot: (w) => w.snapshots.ownerProfile() },
];

/** An image for the upload forms (set before the run: making it is async). */
let IMAGE: File;

/** The endorsement form as the prompt sends it. The subject is the participant, except for the blocked person, who aims at the owner who blocked them. */
function endorsement(w: World, actor: Actor, contextId: string, contextType = "workspace"): Fields {
  const subject = actor === "owner" || actor === "other" || actor === "participant" ? w.handles.participant : w.handles.owner;
  const returnTo = contextType === "workspace" ? `/connect/workspace/${contextId}` : `/connect/opportunities/${contextId}`;
  return { subject, contextType, contextId, rating: "5", text: "Worked well together.", returnTo };
}

/** Row texts name resources by placeholder (OWNER, POSTING, FILLED, LIVE, ENDED, DRAWN); this puts the world's ids in. */
function withIds(w: World, value: unknown): unknown {
  const ids: [string, string][] = [["OWNER", w.handles.owner], ["POSTING", w.posting.id], ["LIVE", w.live.id], ["ENDED", w.ended.id], ["DRAWN", w.drawn.id], ["FILLED", w.filled.id]];
  const fill = (text: string) => ids.reduce((t, [name, id]) => t.replaceAll(name, id), text);
  if (value && typeof value === "object" && "redirect" in value && typeof value.redirect === "string") return { redirect: fill(value.redirect) };
  return value;
}

const rowName = (row: Row) => `${row.action.split("/").slice(-2).join("/")}${row.state ? ` (${row.state})` : ""}`;

test("every server action has a row, and each row posts to a page that hosts it", () => {
  const declared = declaredActions();
  const listed = new Set(matrix.map((r) => r.action));
  expect(declared.filter((a) => !listed.has(a)), "add a row to tests/e2e/authorization-actions.spec.ts for each").toEqual([]);
  expect([...listed].filter((a) => !declared.includes(a)), "rows for actions that no longer exist").toEqual([]);
  const built = builtActions();
  expect([...built.keys()].sort(), "the build's actions are the declared ones (run next build after changing actions)").toEqual([...declared].sort());
});

test("an action posted from another origin is refused before it runs", async ({ baseURL }) => {
  const me = await signedInClient(baseURL!);
  const page = `/profile/${me.account.handle}/edit`;
  const { id } = builtActions().get(`${EDIT}#saveProfile`)!;
  const profile = () => me.api.get(`/api/v1/profiles/${me.account.handle}`).then((r) => r.json());
  const form = () => formData({ displayName: "Forged name", headline: "Sent from another site", region: "", skills: "", tags: "" });
  const before = await profile();
  expect(await callAction(me.api, "http://attacker.example", page, id, [null, form()])).toEqual(threw);
  expect(await profile()).toEqual(before);
  // The same request from the site's own origin is saved, so the refusal above was the origin's doing.
  expect(await callAction(me.api, baseURL!, page, id, [null, form()])).toEqual(saved("Profile saved."));
  expect(await profile()).toMatchObject({ displayName: "Forged name" });
  await me.api.dispose();
});

test("each actor gets the answer the matrix states, and only the expected cell changes anything", async ({ baseURL }) => {
  test.setTimeout(300_000);
  IMAGE = pngFile(await png("#36c"));
  const w = await buildWorld(baseURL!);
  const built = builtActions();
  const order: Actor[] = ["anonymous", "other", "blocked", "participant", "owner"];
  try {
    for (const row of matrix) {
      const action = built.get(row.action)!;
      const page = row.page(w);
      const hosts = action.pages.map((p) => new RegExp(`^${pagePattern(p).replace(/\[[^\]]+\]/g, "[^/]+")}$`));
      expect(hosts.some((h) => h.test(page.split("?")[0]!)), `${rowName(row)}: ${page} does not host the action`).toBe(true);
      for (const actor of order.filter((a) => row.cells[a] !== undefined)) {
        const cell = row.cells[actor]!;
        const expected = typeof cell === "function" ? cell(w) : (withIds(w, cell) as Outcome);
        const before = row.snapshot ? await row.snapshot(w) : undefined;
        const fields = row.form?.(w, actor);
        const args = fields === undefined ? [] : [null, formData(fields)];
        const outcome = await callAction(w.clients[actor], w.baseURL, page, action.id, args);
        // Soft: one run reports every cell that differs from the matrix, and the test still fails.
        expect.soft(outcome, `${rowName(row)} as ${actor}`).toEqual(expected);
        if (row.snapshot && row.changes !== actor) expect.soft(await row.snapshot(w), `${rowName(row)} as ${actor} changed the resource`).toEqual(before);
        if (row.snapshot && row.changes === actor) expect.soft(await row.snapshot(w), `${rowName(row)} as ${actor} should change the resource`).not.toEqual(before);
      }
    }
  } finally {
    for (const client of [...Object.values(w.clients), w.hiddenClient]) await client.dispose();
  }
});
