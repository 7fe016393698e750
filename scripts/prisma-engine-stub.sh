#!/bin/sh
echo "The native Prisma schema engine is not installed here. Use 'npm run db:migrate' to apply migrations and 'npm run db:migration:new -- <name>' to create one." >&2
exit 1
