/** Sign-in, sign-up and sign-out: a narrow column without the Connect tabs. */
export default function AccountLayout({ children }: { children: React.ReactNode }) {
  return <div className="mx-auto w-full max-w-md">{children}</div>;
}
