// The help text of `sts-tray`.

export const USAGE = `sts-tray — short-lived AWS credentials from keys kept in your OS keychain

Usage:
  sts-tray import [--apply [--credential-process] [--remove-plaintext]]
                         bring your existing ~/.aws setup in: a dry run lists what it would create;
                         --apply verifies each key with STS and stores it in the keychain;
                         --credential-process points imported role profiles at sts-tray;
                         --remove-plaintext removes the key lines once each key is stored
  sts-tray identity add NAME --access-key-id ID [--mfa-serial ARN] [--region R]
                             [--mfa-session-seconds N] [--replace] [--no-verify]
                             [--console-policy JSON]   session policy for sts-tray console as the identity
                             (the secret access key is read from stdin or a hidden prompt)
  sts-tray identity list [--json]
  sts-tray identity show NAME [--json]       the key's account (flagged when unexpected), user, MFA
                         device, age, and other keys of the user (e.g. one an interrupted rotation left)
  sts-tray identity rotate NAME [--mfa-code CODE]
                         new key in IAM, stored in the keychain, verified with STS, then the old key
                         deleted (or deactivated: preference keys.oldKey); run again to finish one cut short
  sts-tray identity remove NAME
  sts-tray role add NAME (--identity ID | --source-role ROLE) (--role-arn ARN | --account N --role-name R)
                         (--source-role: assumed with that role's session, at most 1 h; MFA at the root)
                         [--env tes|stg|prd|other] [--external-id X] [--mfa] [--session-name S]
                         [--duration SECONDS] [--region R] [--profile P] [--mirror-default] [--replace]
                         [--credential-process]   also write [profile P] credential_process = sts-tray …
  sts-tray role list [--json]
  sts-tray role remove NAME
  sts-tray assume NAME [--mfa-code CODE]     write [NAME] into the AWS credentials file
  sts-tray export NAME [--format bash|fish|pwsh|cmd|dotenv|json] [--mfa-code CODE] [--fresh]
  sts-tray status [--json]
  sts-tray whoami NAME [--mfa-code CODE] [--fresh]
                         GetCallerIdentity with the role's session
                         (export and whoami reuse the running app's live session; --fresh
                         assumes the role again)
  sts-tray credential-process NAME           AWS credential_process JSON for the role, from the
                         running tray or watch when there is one; never prompts, never writes
                         a file (in ~/.aws/config: credential_process = sts-tray credential-process NAME)
  sts-tray console NAME [--identity] [--destination s3|URL] [--region R] [--duration SECONDS]
                         [--print] [--mfa-code CODE]
                         the AWS console as role NAME (or as identity NAME with GetFederationToken),
                         in your browser; --print writes the sign-in URL to stdout instead (it is a
                         secret: anyone with it is signed in). A session lasts 900 to 43200 s (default 3600)
  sts-tray decode ROLE [MESSAGE|-] [--json] [--mfa-code CODE]
                         decode an "Encoded authorization failure message" with the role's session
                         (- or no MESSAGE: read it from stdin)
  sts-tray logout NAME | --all               remove our profiles (--all also ends MFA sessions)
  sts-tray watch [NAME ...] [--mfa-code CODE]
                         keep the roles (none: every active profile) renewed until Ctrl-C,
                         one line per renewal; asks for an MFA code when one is needed

Global options:
  --endpoint-url URL   STS endpoint (also STS_TRAY_STS_ENDPOINT)
  --iam-endpoint-url URL   IAM endpoint (also STS_TRAY_IAM_ENDPOINT)
  --signin-endpoint URL    console sign-in endpoint (also STS_TRAY_SIGNIN_ENDPOINT); the
                       console URL may then go only there
  -h, --help           this text

Exit codes: 0 ok, 1 failed, 2 usage error, 3 an MFA code is needed and none was given.
`;
