// The way Zoom's videosdk-auth-endpoint-sample serves its contract, for the side-by-side load
// run of `jwtmint serve` (server/load/compare.sh). Written here from the sample's documented
// behaviour, on its stack at its lockfile's versions (package.json): Express 4 with
// express.json() and cors() (preflights answered for any origin), jsrsasign's HS256.
//
// POST / with a JSON body: numeric members given as strings are read with parseInt; every
// member is validated and all problems are answered together as 400 {"errors": [{property,
// reason}]}; otherwise 200 {"signature": jwt} with iat = now and exp = iat +
// (expirationSeconds or 7200), the payload's members in the sample's order, absent ones left
// out. ZOOM_VIDEO_SDK_KEY and ZOOM_VIDEO_SDK_SECRET as for the sample; PORT (default 4000).
import cors from 'cors'
import express from 'express'
import jsrsasign from 'jsrsasign'

const { KJUR } = jsrsasign
const REGIONS = ['AU', 'BR', 'CA', 'CN', 'DE', 'HK', 'IN', 'JP', 'MX', 'NL', 'SG', 'US']
const NUMERIC = [
  'role', 'expirationSeconds', 'cloudRecordingOption', 'cloudRecordingElection',
  'videoWebRtcMode', 'audioCompatibleMode', 'audioWebRtcMode'
]
const FLAGS = [
  'cloudRecordingOption', 'cloudRecordingElection', 'videoWebRtcMode', 'audioCompatibleMode',
  'audioWebRtcMode'
]

// "US, DE" or [" US", "DE"]: items without whitespace, empty ones dropped.
const regionList = (value) =>
  (Array.isArray(value) ? value : String(value).split(','))
    .map((item) => item.replace(/\s+/g, ''))
    .filter((item) => item.length > 0)

const isNumber = (v) => typeof v === 'number' && !Number.isNaN(v)

function problems (body) {
  const found = []
  const add = (property, reason) => found.push({ property, reason })
  const oneOf = (property, allowed) => {
    const v = body[property]
    if (v === undefined) return
    if (!isNumber(v)) add(property, `Value ${v} not allowed, must be of type number`)
    else if (!allowed.includes(v)) add(property, `Value is not valid. Got ${v}, expected ${allowed}`)
  }
  const maxLength = (property, max) => {
    const v = body[property]
    if (v === undefined) return
    if (typeof v !== 'string') add(property, `Value ${v} not allowed, must be of type string`)
    else if (v.length > max) add(property, `Value exceed max length. Got ${v.length}, expected less than or equal to ${max}`)
  }
  const required = (property) => {
    if (body[property] === undefined) add(property, 'Property required, but not present in request body')
  }

  required('role')
  oneOf('role', [0, 1])
  required('sessionName')
  maxLength('sessionName', 200)
  const ttl = body.expirationSeconds
  if (ttl !== undefined) {
    if (!isNumber(ttl)) add('expirationSeconds', `Value ${ttl} not allowed, must be of type number`)
    else if (ttl < 1800 || ttl > 172800) add('expirationSeconds', 'Value must in between 1800 and 172800')
  }
  maxLength('userIdentity', 35)
  maxLength('sessionKey', 36)
  const geo = body.geoRegions
  if (geo !== undefined) {
    const strings = typeof geo === 'string' || (Array.isArray(geo) && geo.every((x) => typeof x === 'string'))
    if (!strings) add('geoRegions', `Value ${geo} not allowed, must be of type string or string array`)
    else if (regionList(geo).length === 0) add('geoRegions', 'Property defined, but not value(s) were present')
    else if (!regionList(geo).every((r) => REGIONS.includes(r))) add('geoRegions', `One or more value(s) not allowed. Got (${regionList(geo)}), expected (${REGIONS})`)
  }
  for (const flag of FLAGS) oneOf(flag, [0, 1])
  return found
}

const app = express()
app.use(express.json(), cors())
app.options('*', cors())

app.post('/', (req, res) => {
  const body = { ...req.body }
  for (const name of NUMERIC) {
    if (typeof body[name] === 'string') body[name] = parseInt(body[name])
  }
  const errors = problems(body)
  if (errors.length > 0) return res.status(400).json({ errors })

  const iat = Math.floor(Date.now() / 1000)
  const payload = {
    app_key: process.env.ZOOM_VIDEO_SDK_KEY,
    role_type: body.role,
    tpc: body.sessionName,
    version: 1,
    iat,
    exp: iat + (body.expirationSeconds || 7200),
    user_identity: body.userIdentity,
    session_key: body.sessionKey,
    geo_regions: body.geoRegions === undefined ? undefined : regionList(body.geoRegions).join(','),
    cloud_recording_option: body.cloudRecordingOption,
    cloud_recording_election: body.cloudRecordingElection,
    telemetry_tracking_id: body.telemetryTrackingId,
    video_webrtc_mode: body.videoWebRtcMode,
    audio_webrtc_mode: body.audioWebRtcMode ?? body.audioCompatibleMode
  }
  const signature = KJUR.jws.JWS.sign(
    'HS256',
    JSON.stringify({ alg: 'HS256', typ: 'JWT' }),
    JSON.stringify(payload),
    process.env.ZOOM_VIDEO_SDK_SECRET
  )
  return res.json({ signature })
})

const port = process.env.PORT || 4000
app.listen(port, '127.0.0.1', () => console.log(`reference sample stack listening on 127.0.0.1:${port}`))
