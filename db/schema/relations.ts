import { relations } from "drizzle-orm";
import { accounts, users } from "./accounts";
import { artworkTag, kreativeArtwork, tag } from "./artworks";
import { profiles, profileTag } from "./profiles";
import { collabParticipant, collabSession } from "./workspaces";

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
}));

export const collabParticipantRelations = relations(collabParticipant, ({ one }) => ({
  session: one(collabSession, { fields: [collabParticipant.sessionId], references: [collabSession.id] }),
  user: one(users, { fields: [collabParticipant.userId], references: [users.id] }),
}));
