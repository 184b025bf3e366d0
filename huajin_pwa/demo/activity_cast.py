"""Who and what the demo's teams and activities hold for the walkthroughs in the README and
the browser tests: fixed sign-ins (PIN 246810) and the titles of the activities they use."""

LEADER_PHONE = "13800000003"  # leads 华锦艺术团 (troupe) and 老红帽 (volunteer team)
LEADER_TROUPE = "华锦艺术团"
LEADER_TEAM = "老红帽"
# Asked to join 老红帽 and are waiting for the leader: one to approve, one to decline.
JOIN_ASKERS = ("13800000011", "13800000012")
# 13800000004 (李秀兰) is in 华锦艺术团, not in 老红帽; she is signed up for CHECKIN_TITLE (not
# checked in) and was checked in at HOURS_TITLE and DONE_HOURS_TITLE.
MEMBER_PHONE = "13800000004"
# In 老红帽, signed up for CHECKIN_TITLE (not yet checked in) and checked in at
# CREW_HOURS_TITLE (hours not yet confirmed).
CREW = ("13800000013", "13800000014")
# 爱之翼's WAITING_TITLE is full: three hold its seats, two are on the waiting list in order.
SEATED = ("13800000015", "13800000016", "13800000017")
WAITING = ("13800000018", "13800000019")
# In no team at all; signs up for SHOW_TITLE and cancels.
NEWCOMER = "13800000020"
LEAVER = "13800000021"  # in 巧姐姐; leaves it
# Has an account but her disclosure is still pending (no member role); in 华锦艺术团: the leader
# points her out to staff (以老带新).
UNDISCLOSED = "13800000022"
NEW_LEADER = "13800000023"  # an approved member in no team; staff make her a new team's leader

CHECKIN_TITLE = "老红帽路口引导"  # 志愿服务, 老红帽, under way now (began 30–35 minutes ago)
HOURS_TITLE = "老红帽敬老院探访"  # 志愿服务, 老红帽, ended two days ago, 3 hours, unconfirmed
CREW_HOURS_TITLE = "老红帽助老理发"  # 志愿服务, 老红帽, ended yesterday, 2 hours, unconfirmed
DONE_HOURS_TITLE = "老红帽清洁家园"  # 志愿服务, 老红帽, two weeks ago, hours confirmed
WAITING_TITLE = "爱之翼陪老人读报"  # 志愿服务, 爱之翼, in five days, capacity 3, full
SHOW_TITLE = "华锦艺术团新年演出"  # 演出, public, in three days, capacity 200
SALE_TITLE = "巧姐姐串珠义卖"  # 义卖, 巧姐姐, ended yesterday, nothing recorded yet
MEMBERS_ONLY_TITLE = "党员志愿者学习会"  # 学习, members only, in two days
