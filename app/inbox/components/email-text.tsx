/**
 * An email address that wraps after its "@" when the column is narrow ("yuki.garcia@" /
 * "example.com"), rather than wherever the last letter stops fitting ("example.co" / "m").
 * The containers keep `overflow-wrap: anywhere` for the rare part longer than a whole line.
 */
export function EmailText({ email }: { email: string }) {
  const at = email.lastIndexOf("@");
  if (at <= 0) return <>{email}</>;
  return (
    <>
      {email.slice(0, at + 1)}
      <wbr />
      {email.slice(at + 1)}
    </>
  );
}
