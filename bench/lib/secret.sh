# A fresh random password for a benchmark's throwaway accounts (24 letters and digits from /dev/urandom): nothing
# in the scripts is a credential; a run that must be reused prints the one it made.
random_secret() { head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24; }
