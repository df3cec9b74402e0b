import { redirect } from "next/navigation";

export default function ConnectIndex() {
  redirect("/connect/people");
}
