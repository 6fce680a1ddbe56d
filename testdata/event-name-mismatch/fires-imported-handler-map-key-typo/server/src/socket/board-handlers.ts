// fires: the map's key "card:archive" and the client's "card:archived" are one typo across the wire
import type { Socket } from "socket.io";

const cards = new Map<string, { title: string; archived: boolean }>();

function onCreate(this: Socket, card: { id: string; title: string }) {
  cards.set(card.id, { title: card.title, archived: false });
}

export const boardHandlers = {
  "card:create": onCreate,
  "card:archive": (cardId: string) => {
    const card = cards.get(cardId);
    if (card) card.archived = true;
  },
};
