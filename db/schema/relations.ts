import { relations } from "drizzle-orm";
import { accounts, users } from "./accounts";
import { artworkTag, kreativeArtwork, tag } from "./artworks";
import { profiles, profileTag } from "./profiles";
import { artworkContributor, collabCanvas, collabContribution, collabJoin, collabMessage, collabParticipant, collabSession } from "./workspaces";
import {
  opportunity, opportunityApplication, opportunityApplicationArtwork, opportunityAttachment, opportunitySave, opportunitySelection, opportunityTag,
} from "./opportunities";

export const usersRelations = relations(users, ({ one, many }) => ({
  profile: one(profiles, { fields: [users.id], references: [profiles.userId] }),
  accounts: many(accounts),
  artworks: many(kreativeArtwork),
}));

export const accountsRelations = relations(accounts, ({ one }) => ({
  user: one(users, { fields: [accounts.userId], references: [users.id] }),
}));

export const profilesRelations = relations(profiles, ({ one, many }) => ({
  user: one(users, { fields: [profiles.userId], references: [users.id] }),
  tags: many(profileTag),
}));

export const profileTagRelations = relations(profileTag, ({ one }) => ({
  profile: one(profiles, { fields: [profileTag.userId], references: [profiles.userId] }),
  tag: one(tag, { fields: [profileTag.tagId], references: [tag.id] }),
}));

export const kreativeArtworkRelations = relations(kreativeArtwork, ({ one, many }) => ({
  artist: one(users, { fields: [kreativeArtwork.artistId], references: [users.id] }),
  tags: many(artworkTag),
  contributors: many(artworkContributor),
}));

export const tagRelations = relations(tag, ({ many }) => ({ artworks: many(artworkTag), profiles: many(profileTag) }));

export const artworkTagRelations = relations(artworkTag, ({ one }) => ({
  artwork: one(kreativeArtwork, { fields: [artworkTag.artworkId], references: [kreativeArtwork.id] }),
  tag: one(tag, { fields: [artworkTag.tagId], references: [tag.id] }),
}));

export const collabSessionRelations = relations(collabSession, ({ one, many }) => ({
  host: one(users, { fields: [collabSession.hostId], references: [users.id] }),
  finalArtwork: one(kreativeArtwork, { fields: [collabSession.finalArtworkId], references: [kreativeArtwork.id] }),
  participants: many(collabParticipant),
  joins: many(collabJoin),
  messages: many(collabMessage),
  canvas: one(collabCanvas, { fields: [collabSession.id], references: [collabCanvas.sessionId] }),
  contributions: many(collabContribution),
}));

export const collabParticipantRelations = relations(collabParticipant, ({ one }) => ({
  session: one(collabSession, { fields: [collabParticipant.sessionId], references: [collabSession.id] }),
  user: one(users, { fields: [collabParticipant.userId], references: [users.id] }),
}));

export const collabJoinRelations = relations(collabJoin, ({ one }) => ({
  session: one(collabSession, { fields: [collabJoin.sessionId], references: [collabSession.id] }),
  user: one(users, { fields: [collabJoin.userId], references: [users.id] }),
}));

export const collabMessageRelations = relations(collabMessage, ({ one }) => ({
  session: one(collabSession, { fields: [collabMessage.sessionId], references: [collabSession.id] }),
}));

export const collabCanvasRelations = relations(collabCanvas, ({ one }) => ({
  session: one(collabSession, { fields: [collabCanvas.sessionId], references: [collabSession.id] }),
}));

export const collabContributionRelations = relations(collabContribution, ({ one }) => ({
  session: one(collabSession, { fields: [collabContribution.sessionId], references: [collabSession.id] }),
  user: one(users, { fields: [collabContribution.userId], references: [users.id] }),
}));

export const artworkContributorRelations = relations(artworkContributor, ({ one }) => ({
  artwork: one(kreativeArtwork, { fields: [artworkContributor.artworkId], references: [kreativeArtwork.id] }),
  user: one(users, { fields: [artworkContributor.userId], references: [users.id] }),
}));

export const opportunityRelations = relations(opportunity, ({ one, many }) => ({
  owner: one(users, { fields: [opportunity.ownerId], references: [users.id] }),
  tags: many(opportunityTag),
  attachments: many(opportunityAttachment),
  applications: many(opportunityApplication),
  selections: many(opportunitySelection),
  saves: many(opportunitySave),
}));

export const opportunityTagRelations = relations(opportunityTag, ({ one }) => ({
  opportunity: one(opportunity, { fields: [opportunityTag.opportunityId], references: [opportunity.id] }),
  tag: one(tag, { fields: [opportunityTag.tagId], references: [tag.id] }),
}));

export const opportunityAttachmentRelations = relations(opportunityAttachment, ({ one }) => ({
  opportunity: one(opportunity, { fields: [opportunityAttachment.opportunityId], references: [opportunity.id] }),
}));

export const opportunityApplicationRelations = relations(opportunityApplication, ({ one, many }) => ({
  opportunity: one(opportunity, { fields: [opportunityApplication.opportunityId], references: [opportunity.id] }),
  applicant: one(users, { fields: [opportunityApplication.applicantId], references: [users.id] }),
  artworks: many(opportunityApplicationArtwork),
}));

export const opportunityApplicationArtworkRelations = relations(opportunityApplicationArtwork, ({ one }) => ({
  application: one(opportunityApplication, { fields: [opportunityApplicationArtwork.applicationId], references: [opportunityApplication.id] }),
  artwork: one(kreativeArtwork, { fields: [opportunityApplicationArtwork.artworkId], references: [kreativeArtwork.id] }),
}));

export const opportunitySelectionRelations = relations(opportunitySelection, ({ one }) => ({
  opportunity: one(opportunity, { fields: [opportunitySelection.opportunityId], references: [opportunity.id] }),
  selected: one(users, { fields: [opportunitySelection.selectedId], references: [users.id] }),
}));

export const opportunitySaveRelations = relations(opportunitySave, ({ one }) => ({
  opportunity: one(opportunity, { fields: [opportunitySave.opportunityId], references: [opportunity.id] }),
  user: one(users, { fields: [opportunitySave.userId], references: [users.id] }),
}));
